import { screen, waitFor } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it } from "vitest"
import { outbox } from "../outbox/outbox.ts"
import { json, ME, renderApp } from "../test/render-app.tsx"

const UNITS = {
  items: [
    {
      id: "au/14/03646/2025-07-01",
      code: "03646",
      name: "Phường Tô Hiệu",
      kind: "ward",
      validFrom: "2025-07-01",
      validTo: null,
    },
    {
      id: "au/14/03664/2025-07-01",
      code: "03664",
      name: "Phường Chiềng An",
      kind: "ward",
      validFrom: "2025-07-01",
      validTo: null,
    },
  ],
}

/** The API's answer to a registration whose citizen ID contradicts the date of birth. */
const REFUSAL = {
  type: "https://xkld.gov.vn/problems/validation",
  status: 400,
  title: "Dữ liệu không hợp lệ",
  detail: "Có 1 trường không hợp lệ: body.identity.citizenId",
  fields: [
    {
      path: "body.identity.citizenId",
      message: "Chữ số thứ 5–6 (năm sinh) là 90, nhưng năm sinh là 1995.",
      messageEn: "Digits 5–6 (year of birth) are 90, but the year of birth is 1995.",
    },
  ],
}

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText("Ngày đăng ký", {}, { timeout: 25_000 }), "02/11/2026")
  await user.type(screen.getByLabelText("Họ và tên"), "Lò Thị Mai")
  await user.type(screen.getByLabelText("Số CCCD"), "014190001234")
  await user.type(screen.getByLabelText("Ngày sinh"), "01/01/1995")
  await user.selectOptions(screen.getByLabelText("Xã, phường cư trú"), "Phường Tô Hiệu")
}

const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
})

describe("registering a worker", () => {
  it("puts the API's message at the field it names, and keeps nothing in the outbox", async () => {
    outbox.reload()
    const posts: Request[] = []
    renderApp("/workers/new", async (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session") return json(ME)
      if (url.pathname === "/api/units") return json(UNITS)
      return json({ title: "không có", status: 404 }, 404)
    })
    // The outbox sends with the global fetch.
    globalThis.fetch = async (input, init) => {
      posts.push(new Request(input, init))
      return json(REFUSAL, 400)
    }
    const user = userEvent.setup()
    await fill(user)
    await user.click(screen.getByRole("button", { name: "Đăng ký" }))
    const citizenId = screen.getByLabelText("Số CCCD")
    await waitFor(() => expect(citizenId.getAttribute("aria-invalid")).toBe("true"))
    const described = document.getElementById(citizenId.getAttribute("aria-describedby")!)
    expect(described?.textContent).toBe("Chữ số thứ 5–6 (năm sinh) là 90, nhưng năm sinh là 1995.")
    expect(screen.getByTestId("command-problem").textContent).toContain("Có 1 trường không hợp lệ")
    expect(outbox.entries()).toEqual([])
    // What was sent: the dates as the API takes them, the unit's code, an Idempotency-Key and the CSRF token.
    const sent = posts[0]!
    expect(new URL(sent.url).pathname).toBe("/api/workers")
    expect(sent.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/)
    expect(sent.headers.get("x-csrf-token")).toBe("csrf-1")
    expect(await sent.json()).toEqual({
      occurredOn: "2026-11-02",
      identity: { fullName: "Lò Thị Mai", citizenId: "014190001234", dateOfBirth: "1995-01-01", sex: "female" },
      residenceUnit: "03646",
      ethnicMinority: false,
    })
  })

  it("refuses a date that does not exist before sending anything", async () => {
    let sent = 0
    renderApp("/workers/new", (request) => {
      const url = new URL(request.url)
      if (url.pathname === "/api/session") return json(ME)
      if (url.pathname === "/api/units") return json(UNITS)
      return json({ title: "không có", status: 404 }, 404)
    })
    globalThis.fetch = async () => {
      sent++
      return json({}, 201)
    }
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText("Ngày đăng ký", {}, { timeout: 25_000 }), "31/02/2026")
    await user.click(screen.getByRole("button", { name: "Đăng ký" }))
    expect((await screen.findAllByText("Ngày phải theo dạng dd/mm/yyyy và có thật.")).length).toBeGreaterThan(0)
    expect(sent).toBe(0)
  })
})
