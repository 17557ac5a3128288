import { describeProblem, formatCheckpoint, parseCheckpoint, type RecordedEvent } from "@xkld/event-store"
import type { ProjectionStatus } from "@xkld/projections"
import { Schema } from "effect"
import { fail } from "../http/problem.ts"
import { rawEventFor } from "../access/raw-log.ts"
import { defineRoute } from "../http/route.ts"
import { notFound } from "../http/to-problem.ts"
import { EventPageBody, VerifyBody } from "../reports/answers.ts"
import { LimitText, pageOf } from "../http/query.ts"

const TAGS = ["Kiểm toán, vận hành"]

const checkpointOf = (e: RecordedEvent) =>
  formatCheckpoint({ transactionId: e.transactionId, globalPosition: e.globalPosition })

/** Every column of a recorded event, JSON-safe (the transaction id is a bigint: sent as text). */
const eventItem = (e: RecordedEvent) => ({
  checkpoint: checkpointOf(e),
  globalPosition: e.globalPosition,
  transactionId: e.transactionId.toString(),
  streamId: e.streamId,
  streamType: e.streamType,
  streamPosition: e.streamPosition,
  eventId: e.eventId,
  type: e.type,
  schemaVersion: e.schemaVersion,
  data: e.data,
  metadata: e.metadata,
  occurredAt: e.occurredAt.toISOString(),
  recordedAt: e.recordedAt.toISOString(),
  hash: e.hash,
})

/** A read model as operators see it (`runner.status()`), times as ISO text. */
const ProjectionStatusBody = Schema.Struct({
  projection: Schema.String,
  /** Version of the definition that built the active generation. */
  version: Schema.Int,
  activeGeneration: Schema.Int,
  buildingGeneration: Schema.NullOr(Schema.Int),
  buildingVersion: Schema.NullOr(Schema.Int),
  state: Schema.Literals(["running", "paused", "rebuilding"]),
  pausedAt: Schema.NullOr(Schema.String),
  /** The generation whose loop met the failing event. */
  failedGeneration: Schema.NullOr(Schema.Int),
  failedEventId: Schema.NullOr(Schema.String),
  failedGlobalPosition: Schema.NullOr(Schema.Int),
  failedStreamId: Schema.NullOr(Schema.String),
  failedEventType: Schema.NullOr(Schema.String),
  errorMessage: Schema.NullOr(Schema.String),
  updatedAt: Schema.String,
  /** `"<transactionId>:<globalPosition>"` of the active generation; of the building one when rebuilding. */
  checkpoint: Schema.String,
  buildingCheckpoint: Schema.NullOr(Schema.String),
}).annotate({ identifier: "ProjectionStatus" })

const statusItem = (s: ProjectionStatus) => ({
  ...s,
  pausedAt: s.pausedAt ? s.pausedAt.toISOString() : null,
  updatedAt: s.updatedAt.toISOString(),
})

const Name = Schema.String.check(Schema.isPattern(/^[a-z][a-z0-9_]{0,62}$/))

export const auditRoutes = [
  defineRoute({
    method: "get",
    path: "/api/events",
    summary:
      "Nhật ký sự kiện gốc theo thứ tự ghi nhận (phân trang bằng điểm mốc tx:pos); cán bộ cấp quốc gia nhận nhật ký đã ẩn dữ liệu cá nhân",
    summaryEn:
      "The raw event log in commit order (paged by a tx:pos checkpoint); a national officer gets it without personal data",
    tags: TAGS,
    access: ["auditor", "national-officer"],
    query: Schema.Struct({
      after: Schema.optional(
        Schema.String.check(
          Schema.isPattern(/^\d{1,20}:\d{1,16}$/, { message: "Điểm mốc dạng <giao dịch>:<vị trí>, ví dụ 0:0" }),
        ),
      ),
      limit: Schema.optional(LimitText),
      streamType: Schema.optional(Schema.String.check(Schema.isPattern(/^[A-Za-z]{1,60}$/))),
      type: Schema.optional(Schema.String.check(Schema.isPattern(/^[A-Za-z]{1,80}$/))),
    }),
    response: EventPageBody,
    handler: async ({ query, actor, services }) => {
      const after = query.after === undefined ? undefined : parseCheckpoint(query.after)
      if (query.after !== undefined && after === undefined)
        throw fail("validation", "Điểm mốc không hợp lệ.", "Invalid checkpoint.", {
          fields: [{ path: "query.after", message: "Điểm mốc không hợp lệ" }],
        })
      const { limit } = pageOf({ limit: query.limit })
      const batch = await services.log.readAllBatch({
        ...(after ? { after } : {}),
        batchSize: limit,
        ...(query.streamType ? { streamTypes: [query.streamType] } : {}),
        ...(query.type ? { eventTypes: [query.type] } : {}),
      })
      const last = batch.at(-1)
      return {
        items: batch.map((e) => rawEventFor(actor, eventItem(e))),
        /** Pass as `after` for the next page; null when this page reached the end of what is visible now. */
        next: batch.length === limit && last ? checkpointOf(last) : null,
        /** Where to poll from later (the last event read, or where this page started). */
        last: last ? checkpointOf(last) : (query.after ?? "0:0"),
      }
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/verify",
    summary: "Kiểm tra toàn vẹn nhật ký (chuỗi băm, niêm phong)",
    summaryEn: "Verify the log's integrity (hash chains, seals)",
    tags: TAGS,
    access: ["auditor", "province-officer", "administrator"],
    response: VerifyBody,
    handler: async ({ services }) => {
      const report = await services.log.verify()
      return {
        ok: report.ok,
        checked: report.checked,
        firstProblem: report.firstProblem
          ? { ...report.firstProblem, description: describeProblem(report.firstProblem) }
          : null,
        problems: report.problems.length,
      }
    },
  }),

  defineRoute({
    method: "get",
    path: "/api/projections",
    summary: "Trạng thái các mô hình đọc (điểm mốc, tạm dừng, lỗi)",
    summaryEn: "Read-model status (checkpoints, pauses, errors)",
    tags: TAGS,
    access: ["auditor", "administrator"],
    response: Schema.Struct({ items: Schema.Array(ProjectionStatusBody) }),
    handler: async ({ services }) => ({ items: (await services.models.runner.status()).map(statusItem) }),
  }),

  defineRoute({
    method: "post",
    path: "/api/projections/:name/resume",
    summary: "Chạy tiếp một mô hình đọc đang tạm dừng",
    summaryEn: "Resume a paused read model",
    tags: TAGS,
    access: ["administrator"],
    write: true,
    params: Schema.Struct({ name: Name }),
    response: ProjectionStatusBody,
    handler: async ({ params, services }) => {
      const known = (await services.models.runner.status()).find((s) => s.projection === params.name)
      if (!known) throw notFound(`mô hình đọc ${params.name}`, `Read model ${params.name}`)
      await services.models.runner.resume(params.name)
      return statusItem((await services.models.runner.status()).find((s) => s.projection === params.name)!)
    },
  }),
]
