import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { setClock } from "../src/clock.ts"
import { parseAsOf } from "../src/http/query.ts"
import { changedTables, tableCounts } from "./support/table-counts.ts"
import { openTestApp, signIn, TEST_NOW, type Client, type TestApp } from "./support/test-app.ts"

/**
 * One period parser and one date parser for the whole API (docs/dates.md): every value either means a real
 * period or date in the accepted range, or is a 400 field error — and a refused write leaves every table as it was.
 * Each finding of issue 14 is a named case here.
 */

let t: TestApp
let officer: Client

beforeAll(async () => {
  t = await openTestApp({ demoEvents: 3000 })
  officer = await signIn(t.app, "so-noi-vu")
}, 600_000)
afterAll(() => t?.close())

/** A registration in Tô Hiệu consistent in itself (citizen ID matches the date of birth and sex). */
const registration = (dates: { occurredOn?: string; dateOfBirth?: string } = {}) => {
  const dateOfBirth = dates.dateOfBirth ?? "1998-05-12"
  const year = Number(dateOfBirth.slice(0, 4))
  const century = Math.floor((year - 1900) / 100) * 2
  return {
    occurredOn: dates.occurredOn ?? "2026-01-05",
    identity: {
      fullName: "Lò Văn Ngày",
      citizenId: `014${century}${String(year % 100).padStart(2, "0")}${String(700_000 + Math.floor(Math.random() * 99_999))}`,
      dateOfBirth,
      sex: "male",
    },
    residenceUnit: "03646",
    ethnicMinority: true,
  }
}

/** Sends a write and asserts a 400 naming `field`, with every table unchanged; returns the problem. */
async function refusedWithoutWriting(path: string, body: unknown, field: string) {
  const before = await tableCounts(t.services)
  const answer = await officer.json("POST", path, body)
  expect(answer.status, JSON.stringify(answer.body)).toBe(400)
  expect(answer.body.fields.map((f: any) => f.path)).toContain(field)
  expect(changedTables(before, await tableCounts(t.services))).toEqual([])
  return answer.body
}

describe("periods: a real plan year or a 400, never NaN in SQL", () => {
  test.each(["0251", "0000", "0999", "1000", "1899", "9999", "0251-H1", "0251-05"])(
    "GET /api/tasks?period=%s is a 400 field error (was a 500)",
    async (period) => {
      const answer = await officer.json("GET", `/api/tasks?period=${period}`)
      expect(answer.status).toBe(400)
      expect(answer.body.fields[0]).toMatchObject({ path: "query.period", message: expect.stringMatching(/Năm|Kỳ/) })
    },
  )

  test("GET /api/reports/departures?province=14&period=0251 is a 400 (was a 500 with year = ANY([NaN]))", async () => {
    const answer = await officer.json("GET", "/api/reports/departures?province=14&period=0251")
    expect(answer.status).toBe(400)
    expect(answer.body.fields[0].path).toBe("query.period")
  })

  test("the plan years themselves are answered", async () => {
    for (const period of ["2026", "2026-H1", "2026-Q3", "2026-05", "2000", "2100"])
      expect((await officer.json("GET", `/api/tasks?period=${period}`)).status, period).toBe(200)
    expect((await officer.json("GET", "/api/reports/departures?province=14&period=2026-H1")).status).toBe(200)
    expect((await officer.json("GET", "/api/attainment?province=14&year=0251")).status).toBe(400)
  })
})

describe("dates: a real day from 1900 to today (Vietnam), a birth before the event", () => {
  test("POST /api/workers with occurredOn 0251-01-01 is refused and writes nothing (was 201, filed under the pre-2025 unit)", async () => {
    await refusedWithoutWriting("/api/workers", registration({ occurredOn: "0251-01-01" }), "body.occurredOn")
  })

  test("POST /api/workers with dateOfBirth 2099-01-03 is refused and writes nothing (was 201)", async () => {
    await refusedWithoutWriting(
      "/api/workers",
      registration({ dateOfBirth: "2099-01-03" }),
      "body.identity.dateOfBirth",
    )
  })

  test("a day that does not exist (2024-02-30) is refused, a leap day is not", async () => {
    await refusedWithoutWriting("/api/workers", registration({ occurredOn: "2024-02-30" }), "body.occurredOn")
    await refusedWithoutWriting("/api/workers", registration({ occurredOn: "2023-02-29" }), "body.occurredOn")
    expect((await officer.json("POST", "/api/workers", registration({ occurredOn: "2024-02-29" }))).status).toBe(201)
  })

  test("a date of birth after the registration is refused with the Vietnamese reason", async () => {
    const problem = await refusedWithoutWriting(
      "/api/workers",
      registration({ occurredOn: "2020-03-01", dateOfBirth: "2021-07-15" }),
      "body.identity.dateOfBirth",
    )
    expect(problem.detail).toBe("Ngày sinh (15/07/2021) không thể sau ngày đăng ký (01/03/2020).")
  })

  test("a registration dated after today is refused; the same date is accepted once that day has come", async () => {
    const tomorrow = new Date(TEST_NOW.getTime() + 86_400_000).toISOString().slice(0, 10)
    const problem = await refusedWithoutWriting(
      "/api/workers",
      registration({ occurredOn: tomorrow }),
      "body.occurredOn",
    )
    expect(problem.fields[0].message).toContain("không thể sau hôm nay")
    setClock(new Date(TEST_NOW.getTime() + 86_400_000))
    try {
      const accepted = await officer.json("POST", "/api/workers", registration({ occurredOn: tomorrow }))
      expect(accepted.status, JSON.stringify(accepted.body)).toBe(201)
    } finally {
      setClock(TEST_NOW)
    }
  })

  test("'today' is the day in Vietnam: at 18:00 UTC the next calendar day is already today in Sơn La", async () => {
    const evening = new Date("2026-11-29T18:00:00Z") // 01:00 on 30/11 in Sơn La
    setClock(evening)
    try {
      expect((await officer.json("POST", "/api/workers", registration({ occurredOn: "2026-11-30" }))).status).toBe(201)
      await refusedWithoutWriting("/api/workers", registration({ occurredOn: "2026-12-01" }), "body.occurredOn")
    } finally {
      setClock(TEST_NOW)
    }
  })

  test("asOf=0000-01-01 (a year the database has not) is a 400 on every report route, not a 500", async () => {
    for (const route of ["/api/plans", "/api/reports/funnel", "/api/reports/departures", "/api/enterprises"]) {
      const answer = await officer.json("GET", `${route}?asOf=0000-01-01`)
      expect(answer.status, route).toBe(400)
      expect(answer.body.fields[0].path, route).toBe("query.asOf")
    }
    expect((await officer.json("GET", "/api/plans?asOf=9999-12-31T23:59:59%2B14:00")).status).toBe(400)
  })

  test("a log checkpoint beyond what the database holds is a 400, not a 500 (after=99999999999999999999:…)", async () => {
    const auditor = await signIn(t.app, "kiem-toan")
    for (const after of ["99999999999999999999:9999999999999999", "18446744073709551616:0", "0:9007199254740993"]) {
      const answer = await auditor.json("GET", `/api/events?after=${after}`)
      expect(answer.status, after).toBe(400)
    }
    expect((await auditor.json("GET", "/api/events?after=18446744073709551615:0")).status).toBe(200)
  })

  test("asOf=2026-06-15 means the end of 15/6 in Vietnam (16:59:59.999Z), not 23:59 UTC — seven hours into 16/6", () => {
    expect(parseAsOf("2026-06-15")!.toISOString()).toBe("2026-06-15T16:59:59.999Z")
    expect(parseAsOf("2026-06-15T08:00:00Z")!.toISOString()).toBe("2026-06-15T08:00:00.000Z")
    expect(() => parseAsOf("2026-02-30")).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ detail: "query.asOf: Thời điểm không tồn tại" }) }),
    )
  })
})
