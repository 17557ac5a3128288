import { screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import { json, ME, renderApp } from "../test/render-app.tsx"

const actor = { userId: "ubnd-03646-cb1", role: "communeCommittee" }
const base = { actor, correctedBy: [], voidedBy: null, recordedAt: "2026-11-02T02:03:00.000Z" }

/** A worker recorded by one officer (the same actor on every line), whose counselling was corrected once. */
const WORKER = {
  id: "w1",
  unitCode: "03646",
  unitName: "Phường Tô Hiệu",
  stage: "counselled",
  stageLabel: "đã được tư vấn",
  registeredOn: "2026-11-02",
  sex: "female",
  birthYear: 1996,
  ethnicMinority: true,
  version: 3,
  identityStatus: "shown",
  identity: { fullName: "Lò Thị Mai" },
  history: [
    {
      ...base,
      eventId: "e-registered",
      version: 1,
      type: "WorkerRegistered",
      label: "đăng ký",
      occurredOn: "2026-11-02",
      inEffect: true,
      data: { eventId: "e-registered" },
    },
    {
      ...base,
      eventId: "e-counselled",
      version: 2,
      type: "WorkerCounselled",
      label: "tư vấn",
      occurredOn: "2026-11-05",
      inEffect: false,
      correctedBy: ["e-correction"],
      data: { eventId: "e-counselled", provider: "Trung tâm A", occurredOn: "2026-11-05" },
    },
    {
      ...base,
      eventId: "e-correction",
      version: 3,
      type: "WorkerFactCorrected",
      label: "sửa bản ghi",
      occurredOn: "2026-11-06",
      inEffect: false,
      corrects: { eventId: "e-counselled", type: "WorkerCounselled", kind: "corrected", reason: "Ghi nhầm đơn vị" },
      data: {
        correctsEventId: "e-counselled",
        reason: "Ghi nhầm đơn vị",
        replacement: { eventId: "e-counselled", provider: "Trung tâm Dịch vụ việc làm", occurredOn: "2026-11-04" },
      },
    },
  ],
}

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
})

const open = (me: object = ME) =>
  renderApp("/workers/w1", (request) => {
    const url = new URL(request.url)
    if (url.pathname === "/api/session") return json(me)
    if (url.pathname === "/api/workers/w1") return json(WORKER)
    return json({ title: "không có", status: 404 }, 404)
  })

describe("a worker's timeline", () => {
  it("shows each event's own id and position, not the id of who recorded it", async () => {
    open()
    const timeline = await screen.findByTestId("timeline", {}, { timeout: 25_000 })
    const ids = within(timeline)
      .getAllByTestId("event-id")
      .map((e) => e.textContent)
    expect(ids).toEqual(["e-registered", "e-counselled", "e-correction"])
    const positions = within(timeline)
      .getAllByTestId("event-position")
      .map((e) => e.textContent)
    expect(positions).toEqual(["1", "2", "3"])
  })

  it("puts a correction beside the fact it corrects, with its reason", async () => {
    open()
    const timeline = await screen.findByTestId("timeline", {}, { timeout: 25_000 })
    // Two facts at the top level; the correction sits inside the counselling's line.
    const facts = timeline.querySelectorAll(":scope > li")
    expect([...facts].map((li) => li.getAttribute("data-event-id"))).toEqual(["e-registered", "e-counselled"])
    const amendment = within(facts[1] as HTMLElement).getByTestId("amendment")
    expect(amendment.textContent).toContain("Đính chính, lý do:")
    expect(amendment.textContent).toContain("Ghi nhầm đơn vị")
    expect(within(amendment).getByTestId("event-id").textContent).toBe("e-correction")
    expect(facts[1]!.textContent).toContain("(đã được đính chính)")
  })

  it("sends a correction with the fact's own fields, starting from what the last correction says", async () => {
    open()
    const posts: Request[] = []
    globalThis.fetch = async (input, init) => {
      posts.push(new Request(input, init))
      return json({ id: "w1", version: 4, eventId: "e-4", events: [], stage: "counselled", stageLabel: "" }, 201)
    }
    const user = userEvent.setup()
    const timeline = await screen.findByTestId("timeline", {}, { timeout: 25_000 })
    const counselling = timeline.querySelector('[data-event-id="e-counselled"]') as HTMLElement
    await user.click(within(counselling).getByText("Đính chính…"))
    const provider = within(counselling).getByLabelText("Đơn vị thực hiện")
    expect((provider as HTMLInputElement).value).toBe("Trung tâm Dịch vụ việc làm")
    expect((within(counselling).getByLabelText("Ngày (dd/mm/yyyy)") as HTMLInputElement).value).toBe("04/11/2026")
    await user.type(within(counselling).getByLabelText("Lý do đính chính"), "Sai ngày tư vấn")
    await user.clear(within(counselling).getByLabelText("Ngày (dd/mm/yyyy)"))
    await user.type(within(counselling).getByLabelText("Ngày (dd/mm/yyyy)"), "03/11/2026")
    await user.click(within(counselling).getByRole("button", { name: "Ghi đính chính" }))
    await waitFor(() => expect(posts).toHaveLength(1))
    expect(new URL(posts[0]!.url).pathname).toBe("/api/workers/w1/corrections")
    expect(await posts[0]!.json()).toEqual({
      correctsEventId: "e-counselled",
      reason: "Sai ngày tư vấn",
      replacement: { occurredOn: "2026-11-03", provider: "Trung tâm Dịch vụ việc làm" },
    })
  })

  it("offers each role the steps the API lets it record, and corrections only to the commune and province", async () => {
    open({ ...ME, role: "bank-officer", username: "ngan-hang" })
    const step = await screen.findByLabelText("Bước", {}, { timeout: 25_000 })
    expect([...(step as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(["Khoản vay"])
    expect(screen.queryByText("Đính chính…")).toBeNull()
    expect(screen.queryByText("Hủy ghi nhận…")).toBeNull()
  })

  it("gives an enterprise officer its recruitment steps, not the commune's", async () => {
    open({ ...ME, role: "enterprise-officer", username: "doanh-nghiep", enterpriseId: "dn-1" })
    const step = await screen.findByLabelText("Bước", {}, { timeout: 25_000 })
    const offered = [...(step as HTMLSelectElement).options].map((o) => o.textContent)
    expect(offered).toContain("Ký hợp đồng")
    expect(offered).toContain("Doanh nghiệp tuyển chọn")
    expect(offered).not.toContain("Tư vấn")
    expect(offered).not.toContain("Xác nhận hồ sơ")
    expect(offered).not.toContain("Khoản vay")
    await userEvent.setup().selectOptions(step, "Ký hợp đồng")
    expect(screen.getByLabelText("Chương trình")).toBeTruthy()
    expect(screen.queryByLabelText("Doanh nghiệp")).toBeNull()
  })

  it("puts the API's message at a voiding's reason, and writes nothing", async () => {
    open()
    globalThis.fetch = async () =>
      json(
        {
          status: 400,
          title: "Dữ liệu không hợp lệ",
          detail: "Có 1 trường không hợp lệ: body.reason",
          fields: [{ path: "body.reason", message: "Cần ghi lý do" }],
        },
        400,
      )
    const user = userEvent.setup()
    const timeline = await screen.findByTestId("timeline", {}, { timeout: 25_000 })
    const registered = within(timeline.querySelector('[data-event-id="e-registered"]') as HTMLElement)
    await user.click(registered.getByText("Hủy ghi nhận…"))
    await user.click(registered.getByRole("button", { name: "Hủy ghi nhận" }))
    const reason = registered.getByLabelText("Lý do hủy")
    await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"))
    expect(document.getElementById(reason.getAttribute("aria-describedby")!)?.textContent).toBe("Cần ghi lý do")
  })
})
