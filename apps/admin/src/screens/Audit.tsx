import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { api, call } from "../api/client.ts"
import { Card, ErrorNote, Loading, Page } from "../components/ui.tsx"
import { formatDateTime, formatNumber } from "../i18n/format.ts"
import { useI18n } from "../i18n/i18n.tsx"
import { useMe } from "../session/session.ts"

/** The runner's states, in Vietnamese and English. */
const STATES: Record<string, readonly [string, string]> = {
  running: ["đang chạy", "running"],
  paused: ["tạm dừng", "paused"],
  rebuilding: ["đang dựng lại", "rebuilding"],
}

/** The log's integrity (verify), the projections' state, and the raw log paged (auditor). */
export function Audit() {
  const { t, language } = useI18n()
  const me = useMe()
  const verify = useQuery({ queryKey: ["verify"], queryFn: () => call(api.GET("/api/verify")), enabled: false })
  const projections = useQuery({
    queryKey: ["projections"],
    queryFn: () => call(api.GET("/api/projections")),
  })
  const auditor = me.role === "auditor"
  // POST /api/projections/{name}/resume is the administrator's; the log has no seal route to offer a button for.
  const resumer = me.role === "administrator"
  const events = useInfiniteQuery({
    enabled: auditor,
    queryKey: ["events"],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET("/api/events", { params: { query: { limit: "50", ...(pageParam ? { after: pageParam } : {}) } } })),
    getNextPageParam: (page) => (page.items.length === 50 ? page.next : undefined),
  })
  return (
    <Page title={t("audit.title")}>
      <Card title={t("audit.verify")} id="verify-title">
        <button
          type="button"
          className="btn-primary"
          onClick={() => void verify.refetch()}
          disabled={verify.isFetching}
        >
          {t("audit.verify")}
        </button>
        {verify.isFetching && <Loading />}
        {verify.isError && <ErrorNote error={verify.error} />}
        {verify.data && (
          <p
            role="status"
            className={`mt-3 rounded p-3 ${verify.data.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
            data-testid="verify-result"
          >
            {verify.data.ok
              ? t("audit.verifyOk", { count: formatNumber(verify.data.checked.events) })
              : `${t("audit.verifyBad")}: ${JSON.stringify(verify.data.firstProblem)}`}
          </p>
        )}
      </Card>
      <Card title={t("audit.projections")} id="projections-title">
        {projections.isPending && <Loading />}
        {projections.isError && <ErrorNote error={projections.error} />}
        {projections.data && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{language === "en" ? "Projection" : "Bảng tổng hợp"}</th>
                <th scope="col">{t("lists.status")}</th>
                <th scope="col">{t("audit.position")}</th>
                <th scope="col">{language === "en" ? "Updated" : "Cập nhật"}</th>
                {resumer && <th scope="col">{t("audit.action")}</th>}
              </tr>
            </thead>
            <tbody>
              {projections.data.items.map((p) => (
                <tr key={p.projection}>
                  <td>{p.projection}</td>
                  <td>
                    {STATES[p.state]?.[language === "en" ? 1 : 0] ?? p.state}
                    {p.errorMessage && <span className="block text-red-800">{p.errorMessage}</span>}
                  </td>
                  <td>{p.checkpoint ?? "—"}</td>
                  <td>{formatDateTime(p.updatedAt)}</td>
                  {resumer && <td>{p.state === "paused" && <ResumeButton name={p.projection} />}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {auditor && (
        <Card title={t("audit.events")} id="events-title">
          {events.isPending && <Loading />}
          {events.data && (
            <table className="table" data-testid="events">
              <thead>
                <tr>
                  <th scope="col">{t("audit.position")}</th>
                  <th scope="col">{t("lineage.type")}</th>
                  <th scope="col">Stream</th>
                  <th scope="col">{t("lineage.raw")}</th>
                </tr>
              </thead>
              <tbody>
                {events.data.pages.flatMap((page) =>
                  page.items.map((event) => (
                    <tr key={event.eventId} className="align-top">
                      <td className="tabular-nums">{String(event.globalPosition)}</td>
                      <td>{event.type}</td>
                      <td className="text-xs">{event.streamId}</td>
                      <td>
                        <details>
                          <summary className="cursor-pointer text-blue-800 underline">JSON</summary>
                          <pre className="max-w-xl overflow-auto rounded bg-slate-100 p-2 text-xs">
                            {JSON.stringify(event, null, 2)}
                          </pre>
                        </details>
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          )}
          {events.hasNextPage && (
            <button
              type="button"
              className="btn-secondary mt-3"
              onClick={() => void events.fetchNextPage()}
              disabled={events.isFetchingNextPage}
            >
              {t("audit.more")}
            </button>
          )}
        </Card>
      )}
    </Page>
  )
}

/** Resumes a paused projection (the administrator's; the runner retries the event it stopped at). */
function ResumeButton({ name }: { name: string }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const resume = useMutation({
    mutationFn: () =>
      call(
        api.POST("/api/projections/{name}/resume", {
          params: { path: { name }, header: { "Idempotency-Key": crypto.randomUUID() } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["projections"] }),
  })
  return (
    <div className="space-y-1">
      <button
        type="button"
        className="btn-secondary"
        disabled={resume.isPending}
        onClick={() => resume.mutate()}
        aria-label={t("audit.resumeOne", { name })}
      >
        {t("audit.resume")}
      </button>
      {resume.isError && <ErrorNote error={resume.error} />}
    </div>
  )
}
