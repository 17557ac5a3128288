/**
 * The admin app end to end: the real app (built and served by the API's process, demo mode, PGlite) in Debian's
 * Chromium. Writes the screenshots in docs/screenshots/. About 1–3 minutes for the demo load plus ~1 minute.
 */
import { readFile } from "node:fs/promises"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import ExcelJS from "exceljs"
import type { Browser, BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { startApp, type AppServer } from "./support/app-server.ts"
import { launch, seriousViolations } from "./support/browser.ts"

const SCREENSHOTS = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url))
const DIST = fileURLToPath(new URL("../dist/", import.meta.url))

/** Names and citizen IDs unique to this run (the suite can run again against the same app). */
const RUN = String(Date.now()).slice(-5)
const LETTERS = "ABCDEGHIKLMNOPQRSTUVXY"
const tag = [...RUN].map((d) => LETTERS[Number(d)]).join("")

let app: AppServer
let browser: Browser
const cspViolations: string[] = []

beforeAll(async () => {
  ;[app, browser] = await Promise.all([startApp(), launch()])
  console.log(`app ready in ${app.startSeconds.toFixed(0)} s at ${app.baseUrl}`)
})

afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  })
  const page = await context.newPage()
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) cspViolations.push(message.text())
  })
  page.on("pageerror", (error) => cspViolations.push(`page error: ${error.message}`))
  return { context, page }
}

async function signIn(page: Page, username: string) {
  await page.goto(`${app.baseUrl}/sign-in`)
  await page.getByLabel("Tên đăng nhập").fill(username)
  await page.getByLabel("Mật khẩu").fill("demo")
  await page.getByRole("button", { name: "Đăng nhập" }).click()
  await page.getByTestId("who").waitFor()
}

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })

async function expectAccessible(page: Page, screen: string) {
  const violations = await seriousViolations(page)
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([])
}

const menu = async (page: Page) =>
  (await page.getByRole("navigation", { name: "Danh mục chính" }).getByRole("link").allTextContents()).map((s) =>
    s.trim(),
  )

/** A link of the main menu (the pages also have "← …" back links of the same words). */
const nav = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Danh mục chính" }).getByRole("link", { name, exact: true })

const departedValue = async (page: Page) =>
  (await page.getByTestId("stat-departed").locator("dd").textContent())?.trim()

describe("sign in", () => {
  it("refuses a wrong password in Vietnamese, then signs in; the screen passes axe", async () => {
    const { context, page } = await newPage()
    await page.goto(`${app.baseUrl}/`)
    await page.getByRole("heading", { name: "Đăng nhập" }).waitFor()
    await expectAccessible(page, "sign-in")
    await shot(page, "01-sign-in")
    await page.getByLabel("Tên đăng nhập").fill("so-noi-vu")
    await page.getByLabel("Mật khẩu").fill("sai-mat-khau")
    await page.getByRole("button", { name: "Đăng nhập" }).click()
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Tên đăng nhập hoặc mật khẩu không đúng")
    await shot(page, "02-sign-in-wrong-password")
    await page.getByLabel("Mật khẩu").fill("demo")
    await page.getByRole("button", { name: "Đăng nhập" }).click()
    await page.getByTestId("who").waitFor()
    expect(page.url()).toMatch(/\/overview$/)
    await context.close()
  })
})

describe("the province officer (so-noi-vu)", () => {
  let context: BrowserContext
  let page: Page
  beforeAll(async () => {
    ;({ context, page } = await newPage())
    await signIn(page, "so-noi-vu")
  })
  afterAll(() => context.close())

  it("sees the plan's figures, every commune sorted by attainment, the funnel and the markets", async () => {
    await page.getByTestId("stat-target").waitFor()
    expect(await page.getByTestId("stat-target").locator("dd").textContent()).toBe("700")
    const rows = page.getByTestId("attainment-table").locator("tbody tr")
    await expect.poll(() => rows.count()).toBe(75)
    const percents = (await rows.locator("td:nth-child(4)").allTextContents()).map((p) =>
      Number(p.replace(" %", "").replace(/\./g, "").replace(",", ".")),
    )
    expect(percents).toEqual([...percents].sort((a, b) => b - a))
    expect(await page.locator("canvas").count()).toBeGreaterThanOrEqual(1)
    expect(await page.getByTestId("funnel").textContent()).toContain("Đăng ký")
    expect(await page.getByTestId("by-market").textContent()).toContain("Nhật Bản")
    expect(await menu(page)).toEqual(
      expect.arrayContaining(["Tổng quan", "Người lao động", "Kế hoạch", "Báo cáo", "Nhập Excel"]),
    )
    expect(await menu(page)).not.toContain("Tài khoản")
    await expectAccessible(page, "overview")
    await shot(page, "03-overview")
    await shot(page, "03-overview-full", true)
  })

  it("puts every figure as of a past date, with a banner, and back", async () => {
    const now = await departedValue(page)
    await page.getByLabel("Số liệu tại thời điểm").fill("15/06/2026")
    await page.getByRole("button", { name: "Xem", exact: true }).click()
    await page.getByTestId("as-of-banner").waitFor()
    expect(await page.getByTestId("as-of-banner").textContent()).toContain("15/06/2026 23:59")
    await expect.poll(() => departedValue(page)).not.toBe(now)
    const then = Number((await departedValue(page))!.replace(/\./g, ""))
    expect(then).toBeLessThan(Number(now!.replace(/\./g, "")))
    await shot(page, "04-overview-as-of")
    // The as-of follows navigation: the workers list is as of that date too.
    await nav(page, "Người lao động").click()
    await page.getByTestId("as-of-banner").waitFor()
    expect(page.url()).toContain("asOf=")
    await nav(page, "Tổng quan").click()
    await page.getByRole("button", { name: "Về hiện tại" }).click()
    await expect.poll(() => page.getByTestId("as-of-banner").count()).toBe(0)
    await expect.poll(() => departedValue(page)).toBe(now)
  })

  it("opens the lineage of a figure: its events, who and when, and each event's raw JSON", async () => {
    const row = page.getByTestId("attainment-table").locator("tbody tr", { hasText: "Phường Tô Hiệu" })
    const value = (await row.locator("td:nth-child(3)").textContent())!.trim()
    await row.locator("td:nth-child(3) button").click()
    const dialog = page.getByRole("dialog")
    await dialog.getByTestId("lineage-summary").waitFor()
    expect(await dialog.getByTestId("lineage-summary").textContent()).toContain(`Giá trị: ${value}`)
    expect(await dialog.locator("tbody tr").count()).toBeGreaterThan(0)
    expect(await dialog.locator("tbody").textContent()).toContain("WorkerDeparted")
    await dialog.locator("summary", { hasText: "JSON" }).first().click()
    expect(await dialog.locator("pre").first().textContent()).toContain('"eventId"')
    await expectAccessible(page, "lineage")
    await shot(page, "05-lineage")
    await dialog.getByRole("button", { name: "Đóng" }).click()
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0)
  })

  it("shows what changed since a date, departure by departure", async () => {
    await nav(page, "Thay đổi").click()
    await page.getByLabel("Từ thời điểm (dd/mm/yyyy)").fill("01/10/2026")
    await page.getByRole("button", { name: "Xem thay đổi" }).click()
    await page.getByTestId("changes-summary").waitFor()
    expect(await page.getByTestId("changes-summary").textContent()).toMatch(
      /Số người đã xuất cảnh: [\d.]+ vào 01\/10\/2026/,
    )
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0)
    await expectAccessible(page, "changes")
    await shot(page, "06-changes-since")
  })

  it("registers a worker, finds it, and records its counselling with the API's field errors first", async () => {
    await nav(page, "Người lao động").click()
    await page.getByTestId("workers-table").waitFor()
    // The new screen's title has the focus (a screen reader announces it).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Người lao động")
    await expectAccessible(page, "workers")
    await shot(page, "07-workers")
    // Filters by market and priority group (GET /api/workers' market, priorityGroup): fewer workers, then all again.
    const all = await page.getByTestId("workers-total").textContent()
    await page.getByLabel("Thị trường").selectOption({ label: "Hàn Quốc" })
    await expect.poll(() => page.getByTestId("workers-total").textContent()).not.toBe(all)
    expect(page.url()).toContain("market=KR")
    await page.getByLabel("Đối tượng ưu tiên").selectOption({ label: "Lao động thuộc hộ nghèo" })
    await expect.poll(() => page.url()).toContain("priorityGroup=poorHousehold")
    await page.getByTestId("workers-table").or(page.getByText("Không có dữ liệu.")).first().waitFor()
    await page.getByLabel("Thị trường").selectOption({ label: "Tất cả" })
    await page.getByLabel("Đối tượng ưu tiên").selectOption({ label: "Tất cả" })
    await expect.poll(() => page.getByTestId("workers-total").textContent()).toBe(all)
    await page.getByRole("link", { name: "Đăng ký người lao động" }).click()
    const name = `Lường Thị Thấy ${tag}`
    await page.getByLabel("Ngày đăng ký").fill("02/11/2026")
    await page.getByLabel("Họ và tên").fill(name)
    await page.getByLabel("Số CCCD").fill(`0141960${RUN}`)
    await page.getByLabel("Ngày sinh").fill("12/05/1996")
    await page.getByLabel("Xã, phường cư trú").selectOption({ label: "Phường Tô Hiệu" })
    await expectAccessible(page, "register")
    await page.getByRole("button", { name: "Đăng ký", exact: true }).click()
    await expect.poll(() => page.getByRole("status").allTextContents()).toContainEqual(`Đã đăng ký ${name}.`)
    await shot(page, "08-register-worker")
    await page.getByRole("link", { name: "← Người lao động" }).click()
    await page.getByLabel("Tìm theo họ tên hoặc số CCCD").fill(name)
    await page.getByRole("button", { name: "Tìm", exact: true }).click()
    await expect.poll(() => page.getByTestId("workers-total").textContent()).toBe("1 người")
    await page.getByRole("link", { name }).click()
    await page.getByTestId("timeline").waitFor()
    expect(await page.getByTestId("timeline").textContent()).toContain("02/11/2026 — đăng ký")
    // A date before registration: the API refuses it; its message is shown and nothing is written.
    const step = page.getByRole("form", { name: "Ghi nhận bước tiếp theo" })
    await step.getByLabel("Ngày (dd/mm/yyyy)").fill("01/01/2020")
    await step.getByLabel("Đơn vị thực hiện").fill("Trung tâm Dịch vụ việc làm tỉnh Sơn La")
    await step.getByRole("button", { name: "Ghi nhận" }).click()
    await step.getByTestId("command-problem").waitFor()
    expect(await page.getByTestId("timeline").locator(":scope > li").count()).toBe(1)
    await step.getByLabel("Ngày (dd/mm/yyyy)").fill("05/11/2026")
    await step.getByRole("button", { name: "Ghi nhận" }).click()
    await expect.poll(() => page.getByTestId("timeline").locator(":scope > li").count()).toBe(2)
    expect(await page.getByTestId("worker-stage").textContent()).toBe("đã được tư vấn")
    await expectAccessible(page, "worker")
    await shot(page, "09-worker")
    // Voiding the counselling: a new event with its reason; the old one stays in the timeline, marked.
    const counselling = page.getByTestId("timeline").locator("li", { hasText: "tư vấn" })
    await counselling.locator("summary", { hasText: "Hủy ghi nhận…" }).click()
    await counselling.getByLabel("Lý do hủy").fill("Ghi nhầm người lao động")
    await counselling.getByRole("button", { name: "Hủy ghi nhận" }).click()
    await expect.poll(() => page.getByTestId("worker-stage").textContent()).toBe("đã đăng ký")
    expect(await page.getByTestId("timeline").textContent()).toContain("(đã hủy)")
    await shot(page, "09-worker-voided")
  })

  it("corrects a fact with a reason and shows the correction beside it; each line has its own event id", async () => {
    // The worker registered above, its counselling voided: counselled again, then corrected.
    const step = page.getByRole("form", { name: "Ghi nhận bước tiếp theo" })
    await step.getByLabel("Ngày (dd/mm/yyyy)").fill("06/11/2026")
    await step.getByLabel("Đơn vị thực hiện").fill("Trung tâm A")
    await step.getByRole("button", { name: "Ghi nhận" }).click()
    await expect.poll(() => page.getByTestId("worker-stage").textContent()).toBe("đã được tư vấn")
    const ids = await page.getByTestId("timeline").getByTestId("event-id").allTextContents()
    expect(new Set(ids).size).toBe(ids.length)
    const counselling = page.getByTestId("timeline").locator(":scope > li", { hasText: "tư vấn" }).last()
    await counselling.locator("summary", { hasText: "Đính chính…" }).click()
    await counselling.getByLabel("Lý do đính chính").fill("Ghi nhầm đơn vị tư vấn")
    await counselling.getByLabel("Đơn vị thực hiện").fill("Trung tâm Dịch vụ việc làm tỉnh Sơn La")
    await counselling.getByRole("button", { name: "Ghi đính chính" }).click()
    const amendment = counselling.getByTestId("amendment")
    await amendment.waitFor()
    expect(await amendment.textContent()).toContain("Ghi nhầm đơn vị tư vấn")
    expect(await amendment.textContent()).toContain("Trung tâm Dịch vụ việc làm tỉnh Sơn La")
    expect(await counselling.textContent()).toContain("(đã được đính chính)")
    await expectAccessible(page, "worker corrected")
    await counselling.scrollIntoViewIfNeeded()
    await shot(page, "09-worker-corrected")
  })

  it("refuses a contract with a suspended enterprise and shows the API's Vietnamese reason", async () => {
    // An enterprise on the province's list is suspended today (the API's own route), then chosen for a contract.
    const enterprise = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch("/api/session")).json()) as { csrfToken: string }
      const list = (await (await fetch("/api/enterprises?province=14&vetted=true&suspended=false")).json()) as {
        items: Array<{ id: string; name: string }>
      }
      const chosen = list.items[0]!
      const response = await fetch(`/api/enterprises/${chosen.id}/suspensions`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": csrfToken },
        body: JSON.stringify({
          reason: "Vi phạm quy định về tuyển chọn (kiểm thử)",
          legalBasis: { number: "99/QĐ-SNV", date: new Date().toISOString().slice(0, 10), issuer: "Sở Nội vụ" },
        }),
      })
      if (!response.ok) throw new Error(`suspension refused: ${response.status} ${await response.text()}`)
      return chosen
    })
    const today = new Intl.DateTimeFormat("vi-VN", {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone: "Asia/Ho_Chi_Minh",
    }).format(new Date())
    const step = page.getByRole("form", { name: "Ghi nhận bước tiếp theo" })
    const timelineLength = await page.getByTestId("timeline").locator(":scope > li").count()
    await step.getByLabel("Bước").selectOption({ label: "Ký hợp đồng" })
    await step.getByLabel("Ngày (dd/mm/yyyy)").fill(today)
    const picker = step.getByLabel("Doanh nghiệp")
    await expect.poll(() => picker.locator("option").count()).toBeGreaterThan(1)
    const option = picker.locator("option", { hasText: enterprise.name })
    expect(await option.textContent()).toContain("đang bị đình chỉ")
    await picker.selectOption(enterprise.id)
    await step.getByLabel("Chương trình").selectOption("KR-EPS")
    await step.getByLabel("Nước đến làm việc").selectOption("KR")
    await step.getByLabel("Ngành nghề").fill("Nông nghiệp")
    await step.getByLabel("Thời hạn hợp đồng (tháng)").fill("36")
    await step.getByLabel("Lương hằng tháng").fill("1500")
    await step.getByLabel("Chi phí người lao động đã nộp (đồng)").fill("0")
    await step.getByRole("button", { name: "Ghi nhận" }).click()
    await step.getByTestId("command-problem").waitFor()
    expect(await step.getByTestId("command-problem").textContent()).toContain(
      "Doanh nghiệp đang bị đình chỉ hoạt động vào ngày",
    )
    // Also at the enterprise field, and nothing written.
    expect(await picker.getAttribute("aria-invalid")).toBe("true")
    expect(await page.getByTestId("timeline").locator(":scope > li").count()).toBe(timelineLength)
    await expectAccessible(page, "contract refused")
    await step.scrollIntoViewIfNeeded()
    await shot(page, "09-worker-contract-refused")
  })

  it("imports an Excel file with an error row: every error shown, nothing written", async () => {
    const workersTotal = () =>
      page.evaluate(async () => ((await (await fetch("/api/workers?limit=1")).json()) as { total: number }).total)
    const before = await workersTotal()
    await nav(page, "Nhập Excel").click()
    const template = await page.evaluate(async () => {
      const response = await fetch("/api/imports/templates/workers.xlsx")
      return [...new Uint8Array(await response.arrayBuffer())]
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const headerRow = sheet.getRow(1)
    const columns: string[] = []
    headerRow.eachCell((cell, index) => (columns[index] = String(cell.value)))
    console.log("import template columns:", columns.filter(Boolean).join(" | "))
    const good = sheet.getRow(2)
    const bad = sheet.getRow(3)
    columns.forEach((title, index) => {
      const t = title.toLowerCase()
      const value = (row: "good" | "bad") =>
        t.includes("họ")
          ? row === "good"
            ? "Quàng Văn Nhập"
            : "Lò Thị Lỗi"
          : t.includes("cccd") || t.includes("căn cước")
            ? row === "good"
              ? `0140961${RUN}`
              : `0140962${RUN}`
            : t.includes("ngày sinh")
              ? row === "good"
                ? "12/03/1996"
                : "31/02/1996"
              : t.includes("giới")
                ? "Nam"
                : t.includes("ngày đăng ký")
                  ? "02/11/2026"
                  : t.includes("xã") || t.includes("đơn vị")
                    ? "03646"
                    : t.includes("dân tộc thiểu số")
                      ? "Có"
                      : undefined
      for (const row of ["good", "bad"] as const) {
        const v = value(row)
        if (v !== undefined) (row === "good" ? good : bad).getCell(index).value = v
      }
    })
    const file = Buffer.from(await workbook.xlsx.writeBuffer())
    await page.getByLabel("Tệp Excel (.xlsx)").setInputFiles({
      name: "danh-sach-loi.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: file,
    })
    await page.getByRole("button", { name: "Tải lên và kiểm tra" }).click()
    await page.getByTestId("row-errors").waitFor()
    const errors = await page.getByTestId("row-errors").locator("tbody tr").allTextContents()
    expect(errors.length).toBeGreaterThan(0)
    expect(errors.join("\n")).toMatch(/^3/m)
    expect(await page.getByRole("alert").first().textContent()).toContain("chưa dữ liệu nào được ghi")
    await expectAccessible(page, "import")
    await shot(page, "10-import-row-errors")
    expect(await workersTotal()).toBe(before)
  })

  it("shows the plan beside the largest-remainder proposal, and the lists with their status", async () => {
    await nav(page, "Kế hoạch").click()
    await page.getByText("Đề xuất chia theo phần dư lớn nhất").first().waitFor()
    await expectAccessible(page, "plans")
    await shot(page, "11-plans")
    for (const [link, file] of [
      ["Doanh nghiệp", "12-enterprises"],
      ["Nhiệm vụ", "13-tasks"],
      ["Chế độ báo cáo", "14-obligations"],
    ] as const) {
      await nav(page, link).click()
      await page.locator("tbody tr").first().waitFor()
      await expectAccessible(page, link)
      await shot(page, file)
    }
    // A task's progress report shows in its row.
    await nav(page, "Nhiệm vụ").click()
    const task = page.locator("tbody tr", { has: page.locator("summary", { hasText: "Báo cáo tiến độ…" }) }).first()
    await task.locator("summary", { hasText: "Báo cáo tiến độ…" }).click()
    await task.getByLabel("Kết quả thực hiện").fill(`Đã tổ chức 3 hội nghị tư vấn ${tag}`)
    await task.getByLabel("Phần trăm hoàn thành").fill("60")
    await task.getByRole("button", { name: "Ghi nhận" }).click()
    await expect
      .poll(() => page.getByTestId("tasks-table").locator("tbody").textContent())
      .toContain(`Đã tổ chức 3 hội nghị tư vấn ${tag}`)
    // A task reported completed: the list shows it completed, with its date.
    const openTasks = page.getByTestId("tasks-table").locator("tbody tr", {
      has: page.locator("summary", { hasText: "Báo cáo hoàn thành…" }),
    })
    const openBefore = await openTasks.count()
    const taskId = await openTasks.first().getAttribute("data-row-key")
    const done = openTasks.first().locator("details", { hasText: "Báo cáo hoàn thành…" })
    await done.locator("summary").click()
    await done.getByLabel("Ngày hoàn thành").fill("31/31/2026")
    await done.getByRole("button", { name: "Ghi nhận" }).click()
    await done.getByText("Ngày phải theo dạng dd/mm/yyyy và có thật.").waitFor()
    await done.getByLabel("Ngày hoàn thành").fill("30/11/2026")
    await done.getByLabel("Kết quả hoàn thành").fill(`Đã ban hành kế hoạch ${tag}`)
    await done.getByRole("button", { name: "Ghi nhận" }).click()
    await expect.poll(() => openTasks.count()).toBe(openBefore - 1)
    const completed = page.getByTestId("tasks-table").locator(`tbody tr[data-row-key="${taskId}"]`)
    expect(await completed.textContent()).toMatch(/hoàn thành (đúng hạn|muộn)/)
    expect(await completed.textContent()).toContain("Hoàn thành ngày 30/11/2026")
    // The deadline calendar: a grid of labelled days, moved through with the keyboard.
    const calendar = page.getByTestId("deadline-calendar")
    const focused = calendar.locator('button[tabindex="0"]')
    const first = await focused.getAttribute("data-day")
    expect(await focused.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}: /)
    await focused.focus()
    const focusedDay = () => page.evaluate(() => document.activeElement?.getAttribute("data-day"))
    await page.keyboard.press("ArrowDown")
    await expect.poll(focusedDay).not.toBe(first)
    await page.keyboard.press("ArrowUp")
    await expect.poll(focusedDay).toBe(first)
    await page.keyboard.press("Enter")
    await calendar.getByTestId("calendar-day").getByRole("heading").waitFor()
    await expectAccessible(page, "tasks calendar")
    await shot(page, "13-tasks-calendar")
    await nav(page, "Chế độ báo cáo").click()
    await page.locator("tbody tr").first().waitFor()
    // Recording that an overdue report was sent: the obligation is then "nộp muộn", with its date.
    const open = page.locator("summary", { hasText: "Ghi nhận đã nộp…" })
    const before = await open.count()
    const row = page.locator("tbody tr", { has: open }).first()
    await row.locator("summary").click()
    await row.getByLabel("Số văn bản").fill(`${RUN}-BC`)
    await row.getByLabel("Ngày gửi (dd/mm/yyyy)").fill("30/11/2026")
    await row.getByRole("button", { name: "Ghi nhận" }).click()
    await expect.poll(() => open.count()).toBe(before - 1)
    expect(
      await page.getByTestId("obligations-table").locator("tbody tr", { hasText: "30/11/2026" }).first().textContent(),
    ).toContain("nộp muộn")
  })

  it("shows the target scoreboard, previews a periodic report and downloads it as DOCX, XLSX and PDF", async () => {
    await nav(page, "Tổng quan").click()
    await page.getByTestId("scoreboard").waitFor()
    expect(await page.getByTestId("scoreboard").locator("tbody tr").count()).toBeGreaterThan(0)
    await nav(page, "Báo cáo").click()
    await page.getByLabel("Kỳ báo cáo").selectOption("2026-H1")
    await page.getByTestId("report-preview").waitFor()
    expect(await page.getByTestId("report-preview").textContent()).toContain("6 tháng đầu năm 2026")
    await expectAccessible(page, "reports")
    await shot(page, "20-report-preview")
    for (const [format, magic] of [
      ["DOCX", "PK"],
      ["XLSX", "PK"],
      ["PDF", "%PDF"],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: `Tải ${format}` }).click(),
      ])
      const file = await readFile((await download.path())!)
      expect(file.subarray(0, magic.length).toString("latin1"), format).toBe(magic)
      expect(download.suggestedFilename().toLowerCase(), format).toMatch(new RegExp(`\\.${format.toLowerCase()}$`))
    }
    // Issued as of 15/06/2026, the report then shows what changed since, figure by figure.
    await page.getByLabel("Số liệu tại thời điểm").fill("15/06/2026")
    await page.getByRole("button", { name: "Xem", exact: true }).click()
    await page.getByTestId("as-of-banner").waitFor()
    await page.getByLabel("Số văn bản").fill(`${RUN}-BC-SNV`)
    await page.getByLabel("Cơ quan ký").fill("Sở Nội vụ tỉnh Sơn La")
    await page.getByLabel("Chức vụ người ký").fill("Giám đốc")
    await page.getByLabel("Họ tên người ký").fill("Lò Văn Thành")
    await page.getByRole("button", { name: "Ban hành", exact: true }).click()
    await page.getByTestId("issued-report").waitFor()
    expect(await page.getByTestId("issued-report").textContent()).toContain(`Đã ban hành ${RUN}-BC-SNV`)
    // The province's issued reports (GET /api/reports/issued) list it, newest first.
    await expect
      .poll(() => page.getByTestId("issued-list").locator("tbody tr").first().textContent())
      .toContain(`${RUN}-BC-SNV`)
    await page.getByTestId("issued-list").scrollIntoViewIfNeeded()
    await shot(page, "23-reports-issued-list")
    await page.getByRole("button", { name: "Thay đổi kể từ khi ban hành" }).click()
    await page.getByTestId("report-difference").waitFor()
    expect(await page.getByTestId("report-difference").locator("tbody tr").count()).toBeGreaterThan(0)
    await expectAccessible(page, "issued report")
    await page.getByTestId("issued-report").scrollIntoViewIfNeeded()
    await shot(page, "22-report-issued-difference")
    await page.getByRole("button", { name: "Về hiện tại" }).click()
    await expect.poll(() => page.getByTestId("as-of-banner").count()).toBe(0)
  })

  it("keeps two registrations offline in the outbox and writes each once on reconnect", async () => {
    await nav(page, "Người lao động").click()
    await page.getByRole("link", { name: "Đăng ký người lao động" }).click()
    await page.getByLabel("Họ và tên").waitFor()
    await context.setOffline(true)
    // Registered as women born in 1995: the citizen ID says so (014 Sơn La, 1 a woman born 19xx, 95).
    const names = [`Cầm Thị Một ${tag}`, `Cầm Thị Hai ${tag}`]
    for (const [index, name] of names.entries()) {
      await page.getByLabel("Ngày đăng ký").fill("03/11/2026")
      await page.getByLabel("Họ và tên").fill(name)
      await page.getByLabel("Số CCCD").fill(`014195${index}${RUN}`)
      await page.getByLabel("Ngày sinh").fill("01/01/1995")
      await page.getByRole("button", { name: "Đăng ký", exact: true }).click()
      await expect
        .poll(() => page.getByRole("status").allTextContents())
        .toContainEqual("Đã đưa vào hàng chờ (chưa gửi được).")
      expect(await page.getByLabel("Họ và tên").inputValue()).toBe("")
    }
    await expect.poll(() => page.getByTestId("outbox").locator("summary").textContent()).toBe("Hàng chờ gửi: 2")
    await page.getByTestId("outbox").locator("summary").click()
    await shot(page, "15-outbox-offline")
    await context.setOffline(false)
    await page.evaluate(() => window.dispatchEvent(new Event("online")))
    await expect
      .poll(async () =>
        (await page.getByTestId("outbox").count()) === 0 ? "" : await page.getByTestId("outbox").textContent(),
      )
      .toBe("")
    await page.getByRole("link", { name: "← Người lao động" }).click()
    for (const name of names) {
      await page.getByLabel("Tìm theo họ tên hoặc số CCCD").fill(name)
      await page.getByRole("button", { name: "Tìm", exact: true }).click()
      await expect.poll(() => page.getByTestId("workers-total").textContent()).toBe("1 người")
    }
  })

  it("switches to English", async () => {
    await nav(page, "Tổng quan").click()
    await page.getByRole("button", { name: "English" }).click()
    await page.getByRole("heading", { name: /plan overview/ }).waitFor()
    expect(await page.getByTestId("stat-target").locator("dt").textContent()).toBe("Target")
    await shot(page, "16-overview-english")
    await page.getByRole("button", { name: "Tiếng Việt" }).click()
    await page.getByRole("heading", { name: /Tổng quan kế hoạch/ }).waitFor()
  })
})

describe("each demo role sees what it should, and not what it should not", () => {
  it("a commune officer (to-hieu) sees its own ward against its quota and only its workers", async () => {
    const { context, page } = await newPage()
    await signIn(page, "to-hieu")
    await page.getByText("Số liệu của Phường Tô Hiệu").waitFor()
    expect(await page.getByTestId("stat-target").locator("dd").textContent()).toBe("24")
    expect(await page.getByTestId("attainment-table").locator("tbody tr").count()).toBe(1)
    expect(await menu(page)).not.toContain("Thay đổi")
    await shot(page, "17-commune-overview")
    // On a phone: nothing wider than the screen.
    // The chart follows the new width on its resize observer, after this call returns (measured at once, a
    // .ci/run dry run once saw 628 px): the width is read again until the layout has settled, for up to 5 s.
    await page.setViewportSize({ width: 390, height: 844 })
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5_000, interval: 100 })
      .toBeLessThanOrEqual(390)
    await shot(page, "21-commune-overview-phone")
    await page.setViewportSize({ width: 1366, height: 900 })
    await nav(page, "Người lao động").click()
    await page.getByTestId("workers-table").waitFor()
    // Its ward and the former units merged into it in 2025; never another commune's workers.
    const units = new Set(await page.getByTestId("workers-table").locator("tbody td:nth-child(2)").allTextContents())
    expect([...units]).not.toContain("Phường Chiềng An")
    const total = Number((await page.getByTestId("workers-total").textContent())!.replace(/\D/g, ""))
    expect(total).toBeGreaterThan(0)
    expect(total).toBeLessThan(1000)
    await context.close()
  })

  it("a leader (lanh-dao) sees figures, but no workers and no lineage", async () => {
    const { context, page } = await newPage()
    await signIn(page, "lanh-dao")
    await page.getByTestId("stat-target").waitFor()
    expect(await page.getByTestId("stat-departed").locator("button").count()).toBe(0)
    expect(await menu(page)).not.toContain("Người lao động")
    await page.goto(`${app.baseUrl}/workers`)
    await page.getByText("Tài khoản của bạn không có quyền xem trang này.").waitFor()
    await context.close()
  })

  it("an auditor (kiem-toan) verifies the log and pages the raw events; writes nothing", async () => {
    const { context, page } = await newPage()
    await signIn(page, "kiem-toan")
    expect(await menu(page)).toContain("Kiểm toán")
    expect(await menu(page)).not.toContain("Nhập Excel")
    await nav(page, "Kiểm toán").click()
    await page.getByTestId("events").waitFor()
    await page.getByRole("button", { name: "Kiểm tra toàn vẹn nhật ký" }).click()
    await expect
      .poll(() => page.getByTestId("verify-result").textContent(), { timeout: 60_000 })
      .toMatch(/Nhật ký toàn vẹn: [\d.]+ sự kiện/)
    await expectAccessible(page, "audit")
    await shot(page, "18-audit")
    await nav(page, "Người lao động").click()
    await page.getByTestId("workers-table").waitFor()
    expect(await page.getByRole("link", { name: "Đăng ký người lao động" }).count()).toBe(0)
    await context.close()
  })

  it("the administrator (quan-tri) sees the accounts, not the figures", async () => {
    const { context, page } = await newPage()
    await signIn(page, "quan-tri")
    expect(page.url()).toMatch(/\/audit$/)
    expect(await menu(page)).toEqual(["Kiểm toán", "Tài khoản"])
    await nav(page, "Tài khoản").click()
    await page.getByTestId("users").waitFor()
    expect(await page.getByTestId("users").textContent()).toContain("so-noi-vu")
    // A new account, then disabled and enabled again.
    const username = `kiem-tra-${RUN}`
    await page.getByLabel("Tên đăng nhập").fill(username)
    await page.getByLabel("Tên hiển thị").fill(`Cán bộ kiểm tra ${tag}`)
    await page.getByLabel("Vai trò").selectOption("leader")
    await page.getByLabel("Mật khẩu ban đầu").fill(`Mat-khau-dai-${RUN}-Son-La`)
    await page.getByRole("button", { name: "Tạo tài khoản" }).click()
    await expect.poll(() => page.getByRole("status").allTextContents()).toContainEqual(`Đã tạo tài khoản ${username}.`)
    const row = page.getByTestId("users").locator("tr", { hasText: username })
    await row.getByRole("button", { name: `Khóa ${username}` }).click()
    await expect.poll(() => row.locator("td:nth-child(4)").textContent()).toBe("Đã khóa")
    await row.getByRole("button", { name: `Mở khóa ${username}` }).click()
    await expect.poll(() => row.locator("td:nth-child(4)").textContent()).toBe("Đang dùng")
    await expectAccessible(page, "users")
    await shot(page, "19-users")
    await context.close()
  })

  it("the enterprise and bank officers see workers, not the plan's figures", async () => {
    for (const username of ["doanh-nghiep", "ngan-hang"]) {
      const { context, page } = await newPage()
      await signIn(page, username)
      expect(page.url(), username).toMatch(/\/workers$/)
      expect(await menu(page)).not.toContain("Tổng quan")
      await page.getByTestId("workers-total").waitFor()
      await context.close()
    }
  })
})

describe("what the browser loads", () => {
  it("no Content-Security-Policy refusal or page error on any screen above", () => {
    expect(cspViolations).toEqual([])
  })

  it("the first screen's JavaScript is at most 300 KB gzip, and the overview's too", async () => {
    const manifest = JSON.parse(await readFile(join(DIST, ".vite/manifest.json"), "utf8")) as Record<
      string,
      { file: string; imports?: string[]; isEntry?: boolean }
    >
    const closure = (key: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(key)) return seen
      seen.add(key)
      for (const next of manifest[key]?.imports ?? []) closure(next, seen)
      return seen
    }
    const gzipKb = async (keys: Set<string>) => {
      let total = 0
      for (const key of keys) total += gzipSync(await readFile(join(DIST, manifest[key]!.file))).length
      return total / 1024
    }
    const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!
    const first = await gzipKb(closure(entry))
    const overview = await gzipKb(closure("src/screens/Overview.tsx", closure(entry)))
    console.log(`first screen JS ${first.toFixed(1)} KB gzip; with the overview ${overview.toFixed(1)} KB gzip`)
    expect(first).toBeLessThanOrEqual(300)
    expect(overview).toBeLessThanOrEqual(300)
  })
})
