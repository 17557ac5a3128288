import { screen, waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import { json, ME, renderApp } from "../test/render-app.tsx"

const task = (completed: boolean) => ({
  id: "plan-task:14:2026:I.1",
  group: "I",
  number: 1,
  content: "Tham mưu cho cấp ủy tăng cường lãnh đạo",
  status: completed ? "completed-on-time" : "open",
  dueDate: "2026-12-31",
  completedOn: completed ? "2026-11-30" : null,
  lead: { printed: "Sở Nội vụ" },
  progress: [],
})

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
})

describe("the tasks list", () => {
  it("records a completion with the API's field message at its field, then shows the task completed", async () => {
    let completed = false
    renderApp("/tasks", (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session") return json(ME)
      if (url.pathname === "/api/tasks")
        return json({ items: [task(completed)], total: 1, statusOn: "2026-12-01", byStatus: { open: 1 } })
      return json({ title: "không có", status: 404 }, 404)
    })
    const sent: Array<{ path: string; body: unknown }> = []
    globalThis.fetch = async (input, init) => {
      const request = new Request(input, init)
      const body = await request.json()
      sent.push({ path: new URL(request.url).pathname, body })
      if (!(body as { summary: string }).summary)
        return json(
          {
            status: 400,
            title: "Dữ liệu không hợp lệ",
            detail: "Có 1 trường không hợp lệ: body.summary",
            fields: [{ path: "body.summary", message: "Cần ghi kết quả thực hiện" }],
          },
          400,
        )
      completed = true
      return json({ id: "plan-task:14:2026:I.1", version: 2 })
    }
    const user = userEvent.setup()
    const table = await screen.findByTestId("tasks-table", {}, { timeout: 25_000 })
    expect(within(table).getByText("chưa hoàn thành")).toBeTruthy()
    expect(within(table).getByText("chưa đến hạn")).toBeTruthy()
    const toggle = within(table).getByText("Báo cáo hoàn thành…")
    const form = within(toggle.closest("details")!)
    await user.click(toggle)
    await user.type(form.getByLabelText(/Ngày hoàn thành/), "30/11/2026")
    await user.click(form.getByRole("button", { name: "Ghi nhận" }))
    const result = form.getByLabelText("Kết quả hoàn thành")
    await waitFor(() => expect(result.getAttribute("aria-invalid")).toBe("true"))
    expect(document.getElementById(result.getAttribute("aria-describedby")!)?.textContent).toBe(
      "Cần ghi kết quả thực hiện",
    )
    await user.type(result, "Đã ban hành kế hoạch")
    await user.click(form.getByRole("button", { name: "Ghi nhận" }))
    await waitFor(() => expect(within(screen.getByTestId("tasks-table")).getByText("hoàn thành đúng hạn")).toBeTruthy())
    expect(screen.getByTestId("tasks-table").textContent).toContain("Hoàn thành ngày 30/11/2026")
    expect(sent.at(-1)).toEqual({
      path: "/api/tasks/plan-task%3A14%3A2026%3AI.1/completion",
      body: { summary: "Đã ban hành kế hoạch", completedOn: "2026-11-30" },
    })
    // The calendar marks it on its deadline.
    expect(screen.getByRole("button", { name: "Thứ Năm, 31/12/2026: 1 hạn (1 đúng hạn)" })).toBeTruthy()
  })
})
