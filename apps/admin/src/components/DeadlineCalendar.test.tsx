import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it } from "vitest"
import { I18nProvider } from "../i18n/i18n.tsx"
import { obligationTimeliness, taskTimeliness } from "../screens/deadlines.ts"
import { DeadlineCalendar } from "./DeadlineCalendar.tsx"

const show = () =>
  render(
    <I18nProvider>
      <DeadlineCalendar
        label="Lịch hạn nhiệm vụ"
        today="2026-12-01"
        deadlines={[
          { id: "a", date: "2026-12-03", title: "Báo cáo 6 tháng", timeliness: "dueSoon" },
          { id: "b", date: "2026-12-03", title: "Kế hoạch năm", timeliness: "onTime" },
          { id: "c", date: "2027-01-05", title: "Tổng kết", timeliness: "upcoming" },
        ]}
      />
    </I18nProvider>,
  )

describe("the deadline calendar", () => {
  it("is a grid of days, each named with its date and how its deadlines stand", () => {
    show()
    const grid = screen.getByRole("grid", { name: /Lịch hạn nhiệm vụ — tháng 12\/2026/ })
    expect(
      within(grid)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["T2", "T3", "T4", "T5", "T6", "T7", "CN"])
    expect(within(grid).getByRole("button", { name: "Thứ Năm, 03/12/2026: 2 hạn (1 sắp đến hạn, 1 đúng hạn)" }))
    expect(within(grid).getByRole("button", { name: "Thứ Ba, 01/12/2026: không có hạn" }).tabIndex).toBe(0)
  })

  it("moves by day, week and month with the keyboard, and lists a day's deadlines on Enter", async () => {
    show()
    const user = userEvent.setup()
    screen.getByRole("button", { name: /01\/12\/2026/ }).focus()
    await user.keyboard("{ArrowRight}{ArrowRight}")
    expect(document.activeElement?.getAttribute("data-day")).toBe("2026-12-03")
    await user.keyboard("{Enter}")
    const day = screen.getByTestId("calendar-day")
    expect(within(day).getByRole("heading").textContent).toBe("Hạn ngày 03/12/2026")
    expect(day.textContent).toContain("Báo cáo 6 tháng")
    expect(day.textContent).toContain("sắp đến hạn")
    await user.keyboard("{ArrowDown}{End}")
    expect(document.activeElement?.getAttribute("data-day")).toBe("2026-12-13")
    await user.keyboard("{PageDown}")
    expect(document.activeElement?.getAttribute("data-day")).toBe("2027-01-13")
    expect(screen.getByRole("grid", { name: /tháng 01\/2027/ })).toBeTruthy()
    expect(screen.getByRole("button", { name: "Thứ Ba, 05/01/2027: 1 hạn (1 chưa đến hạn)" })).toBeTruthy()
  })
})

describe("on time, late, due soon", () => {
  it("reads the API's statuses against the day they were computed for", () => {
    expect(taskTimeliness("completed-on-time", "2026-12-31", "2026-12-01")).toBe("onTime")
    expect(taskTimeliness("completed-late", "2026-06-30", "2026-12-01")).toBe("late")
    expect(taskTimeliness("overdue", "2026-06-30", "2026-12-01")).toBe("late")
    expect(taskTimeliness("open", "2026-12-08", "2026-12-01")).toBe("dueSoon")
    expect(taskTimeliness("open", "2026-12-09", "2026-12-01")).toBe("upcoming")
    expect(taskTimeliness("ongoing", null, "2026-12-01")).toBe("noDeadline")
    expect(obligationTimeliness("on-time", "2026-06-10", "2026-12-01")).toBe("onTime")
    expect(obligationTimeliness("late", "2026-06-10", "2026-12-01")).toBe("late")
    expect(obligationTimeliness("pending", "2026-12-05", "2026-12-01")).toBe("dueSoon")
    // Pending past its deadline: an as-needed report, never overdue.
    expect(obligationTimeliness("pending", "2023-12-31", "2026-12-01")).toBe("asNeeded")
  })
})
