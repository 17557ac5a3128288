import { render, screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { afterEach, describe, expect, it } from "vitest"
import { I18nProvider } from "../i18n/i18n.tsx"
import { json } from "../test/render-app.tsx"
import { IssuedList } from "./IssuedList.tsx"

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
})

describe("the issued reports", () => {
  it("lists them from GET /api/reports/issued, each opening its files and its difference", async () => {
    const asked: string[] = []
    globalThis.fetch = async (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input))
      asked.push(url.pathname + url.search)
      return json({
        provinceCode: "14",
        items: [
          {
            id: "issued-report:14:2026-H1:province",
            reporter: { kind: "province", code: "14", name: "Tỉnh Sơn La" },
            period: "2026-H1",
            asOf: "2026-06-15T16:59:59.999Z",
            documentNumber: "12/BC-SNV",
            documentDate: "2026-06-20",
            issuedAt: "2026-06-20T03:00:00.000Z",
          },
        ],
      })
    }
    render(
      <I18nProvider>
        <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
          <IssuedList province="14" />
        </QueryClientProvider>
      </I18nProvider>,
    )
    const table = await screen.findByTestId("issued-list")
    expect(asked[0]).toBe("/api/reports/issued?province=14")
    expect(table.textContent).toContain("12/BC-SNV — 20/06/2026")
    expect(table.textContent).toContain("Tỉnh Sơn La")
    expect(table.textContent).toContain("6 tháng đầu năm 2026")
    expect(table.textContent).toContain("15/06/2026 23:59")
    await userEvent.setup().click(screen.getByRole("button", { name: "Xem tệp và thay đổi của 12/BC-SNV" }))
    const item = await screen.findByTestId("issued-list-item")
    await waitFor(() =>
      expect(item.querySelector("a")?.getAttribute("href")).toBe(
        "/api/reports/issued/issued-report%3A14%3A2026-H1%3Aprovince?format=docx",
      ),
    )
    expect(screen.getByRole("button", { name: "Thay đổi kể từ khi ban hành" })).toBeTruthy()
  })
})
