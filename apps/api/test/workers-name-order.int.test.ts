import { sql } from "kysely"
import { describe, expect, test } from "vitest"
import { nameOrderOf } from "../src/personal-data/name-order/indexer.ts"
import {
  accessRows,
  CHIENG_AN,
  chiengAn,
  contract,
  ok,
  person,
  post,
  province,
  register,
  setUpWorkersApp,
  t,
} from "./support/workers-app.ts"

setUpWorkersApp()

const vi = new Intl.Collator("vi")

interface Item {
  readonly id: string
  readonly fullName: string | null
  readonly identityStatus: string
  readonly market: string | null
  readonly priorityGroups: ReadonlyArray<string>
}

/** Every page of a list, 7 at a time (so pages meet inside runs of similar names). */
async function allPages(path: string): Promise<{ items: Item[]; total: number }> {
  const items: Item[] = []
  let total = 0
  for (let offset = 0; ; offset += 7) {
    const page = await province.json("GET", `${path}${path.includes("?") ? "&" : "?"}limit=7&offset=${offset}`)
    expect(page.status, JSON.stringify(page.body)).toBe(200)
    total = page.body.total
    items.push(...page.body.items)
    if (page.body.items.length < 7) break
  }
  expect(items.length).toBe(total)
  return { items, total }
}

/** The order the list must have: names by the Vietnamese collator (ties by id), then the nameless by id. */
const expectedOrder = (items: ReadonlyArray<Item>) =>
  items.toSorted((a, b) => {
    if (a.fullName === null || b.fullName === null)
      return a.fullName === b.fullName ? (a.id < b.id ? -1 : 1) : a.fullName === null ? 1 : -1
    return vi.compare(a.fullName, b.fullName) || (a.id < b.id ? -1 : 1)
  })

const position = async (workerId: string) =>
  (
    await sql<{ position: number }>`SELECT position FROM pd_name_order WHERE worker_id = ${workerId}`.execute(
      t.services.log.database.db,
    )
  ).rows[0]?.position

// Names that differ only by a diacritic or by đ: Vietnamese order puts a < ă < â, d < đ, o < ô < ơ, u < ư, and
// compares tones only after the letters (Dung < Dũng < Đung).
const NAMES = [
  "Lò Văn Đung",
  "Lò Văn Dũng",
  "Lò Văn Dung",
  "Lò Văn Dùng",
  "Lò Thị Â",
  "Lò Thị A",
  "Lò Thị Ă",
  "Lò Văn Ơn",
  "Lò Văn On",
  "Lò Văn Ôn",
  "Lò Văn Ưng",
  "Lò Văn Ung",
]

describe("the worker list in Vietnamese name order, from the stored name order (ADR 0024)", () => {
  test("names differing only by diacritics or đ come in Vietnamese order, page after page, each shown name logged", async () => {
    const ids = new Map<string, string>()
    for (const fullName of NAMES)
      ids.set(fullName, (await register(chiengAn, person({ unit: CHIENG_AN, fullName }))).id)
    const { items } = await allPages(`/api/workers?unit=${CHIENG_AN}`)
    expect(items.map((i) => i.id)).toEqual(expectedOrder(items).map((i) => i.id))
    const ours = items.filter((i) => i.fullName !== null && ids.has(i.fullName)).map((i) => i.fullName)
    expect(ours).toEqual([
      "Lò Thị A",
      "Lò Thị Ă",
      "Lò Thị Â",
      "Lò Văn Dung",
      "Lò Văn Dùng",
      "Lò Văn Dũng",
      "Lò Văn Đung",
      "Lò Văn On",
      "Lò Văn Ôn",
      "Lò Văn Ơn",
      "Lò Văn Ung",
      "Lò Văn Ưng",
    ])
    for (const id of ids.values()) expect((await accessRows(id, "list")).length).toBeGreaterThan(0)
  })

  test("a corrected name moves; an erased person's position is gone (no number from the name), listed last, figures unchanged", async () => {
    const moving = await register(chiengAn, person({ unit: CHIENG_AN, fullName: "Lò Văn Ung Sửa" }))
    const registrationId = (await province.json("GET", `/api/workers/${moving.id}`)).body.history[0].eventId
    const renamed = await post(province, moving.id, "corrections", {
      correctsEventId: registrationId,
      reason: "Nhập nhầm họ tên",
      replacement: person({ unit: CHIENG_AN, fullName: "Bạc Cầm Ánh" }),
    })
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(201)
    let { items } = await allPages(`/api/workers?unit=${CHIENG_AN}`)
    expect(items.map((i) => i.id)).toEqual(expectedOrder(items).map((i) => i.id))
    expect(items.find((i) => i.id === moving.id)?.fullName).toBe("Bạc Cầm Ánh")

    const leaving = await register(chiengAn, person({ unit: CHIENG_AN, fullName: "Lò Thị Xóa" }))
    await ok(province, leaving.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    await ok(province, leaving.id, "contract", contract("2026-02-01"))
    await ok(province, leaving.id, "departure", { occurredOn: "2026-03-01" })
    const before = await province.json("GET", "/api/attainment?year=2026")
    const totalBefore = (await allPages(`/api/workers?unit=${CHIENG_AN}`)).total
    expect(Number.isFinite(await position(leaving.id))).toBe(true)
    const erased = await province.json("DELETE", `/api/workers/${leaving.id}/personal-data`, {
      reason: "Yêu cầu của chủ thể dữ liệu",
    })
    expect(erased.status, JSON.stringify(erased.body)).toBe(200)
    // At once (the key's own transaction), and still after the follower has seen the erasure event.
    expect(await position(leaving.id)).toBe(Infinity)
    await nameOrderOf(t.services.log)!.caughtUp()
    expect(await position(leaving.id)).toBe(Infinity)
    ;({ items } = await allPages(`/api/workers?unit=${CHIENG_AN}`))
    expect(items.length).toBe(totalBefore)
    expect(items.map((i) => i.id)).toEqual(expectedOrder(items).map((i) => i.id))
    expect(items.find((i) => i.id === leaving.id)).toMatchObject({ fullName: null, identityStatus: "erased" })
    expect(items.at(-1)?.fullName ?? null).toBeNull()
    const after = await province.json("GET", "/api/attainment?year=2026")
    expect({ ...after.body, asOf: undefined }).toEqual({ ...before.body, asOf: undefined })
  })

  test("the list equals the one the whole ward decrypted and sorted gives (the as-of path, which still does that)", async () => {
    const fast = await allPages(`/api/workers?unit=${CHIENG_AN}`)
    // As of now: the path that decrypts the whole ward and sorts it in memory (as every request did before).
    const now = new Date(Date.now() + 1000).toISOString()
    const slow = await province.json("GET", `/api/workers?unit=${CHIENG_AN}&asOf=${now}&sort=name&limit=500`)
    expect(slow.status, JSON.stringify(slow.body)).toBe(200)
    expect(slow.body.total).toBe(fast.total)
    expect(slow.body.items.map((i: Item) => i.id)).toEqual(fast.items.map((i) => i.id))
  })

  test("filters by market and by priority group; an unknown market is a 400", async () => {
    const going = await register(chiengAn, {
      ...person({ unit: CHIENG_AN, fullName: "Lò Văn Nhật" }),
      priorityGroups: ["youth"],
    })
    await ok(province, going.id, "dossier-confirmation", { occurredOn: "2026-01-20" })
    await ok(province, going.id, "contract", { ...contract("2026-02-01"), country: "JP", programme: "JP-TITP" })
    const japan = await allPages(`/api/workers?unit=${CHIENG_AN}&market=JP`)
    expect(japan.items.map((i) => i.id)).toContain(going.id)
    expect(japan.items.every((i) => i.market === "JP")).toBe(true)
    const youth = await allPages(`/api/workers?unit=${CHIENG_AN}&priorityGroup=youth`)
    expect(youth.items.map((i) => i.id)).toContain(going.id)
    expect(youth.items.every((i) => i.priorityGroups.includes("youth"))).toBe(true)
    const both = await province.json("GET", `/api/workers?unit=${CHIENG_AN}&market=KR&priorityGroup=youth&limit=500`)
    expect(both.body.items.map((i: Item) => i.id)).not.toContain(going.id)
    // the same filters on the registration-date order (the other path)
    const byDate = await province.json("GET", `/api/workers?unit=${CHIENG_AN}&market=JP&sort=registeredOn&limit=500`)
    expect(byDate.body.items.map((i: Item) => i.id).toSorted()).toEqual(japan.items.map((i) => i.id).toSorted())
    const unknown = await province.json("GET", "/api/workers?market=XX")
    expect(unknown.status).toBe(400)
    expect(unknown.body.fields[0].path).toBe("query.market")
    expect((await province.json("GET", "/api/workers?priorityGroup=nobody")).status).toBe(400)
  })
  test("pages by `after` (the last worker shown) walk the same list as pages by offset; a worker the caller's list does not hold is a 400", async () => {
    const path = `/api/workers?unit=${CHIENG_AN}`
    const { items } = await allPages(path)
    expect(items.length).toBeGreaterThan(14)
    const walked: Item[] = []
    let after: string | undefined
    for (;;) {
      const page = await province.json("GET", `${path}&limit=7${after ? `&after=${after}` : ""}`)
      expect(page.status, JSON.stringify(page.body)).toBe(200)
      walked.push(...page.body.items)
      if (page.body.items.length < 7) break
      after = page.body.items.at(-1).id
    }
    expect(walked.map((i) => i.id)).toEqual(items.map((i) => i.id))
    // sorted by registration (the path that sorts in memory) too
    const byDate = await province.json("GET", `${path}&sort=registeredOn&limit=5`)
    const next = await province.json("GET", `${path}&sort=registeredOn&limit=5&after=${byDate.body.items[4].id}`)
    const both = await province.json("GET", `${path}&sort=registeredOn&limit=10`)
    expect([...byDate.body.items, ...next.body.items].map((i: Item) => i.id)).toEqual(
      both.body.items.map((i: Item) => i.id),
    )
    // a commune officer cannot page from a worker of another commune (their name's place would show)
    const elsewhere = await province.json("GET", "/api/workers?limit=500")
    const other = elsewhere.body.items.find((i: Item & { unitCode: string }) => i.unitCode !== CHIENG_AN)
    expect(other).toBeDefined()
    const refused = await chiengAn.json("GET", `/api/workers?limit=7&after=${other.id}`)
    expect(refused.status).toBe(400)
    expect(refused.body.fields).toEqual([expect.objectContaining({ path: "query.after" })])
    expect((await province.json("GET", `${path}&after=khong-co`)).status).toBe(400)
  })

  test("a page's names come with it from the sealed identity kept beside each position; a position kept without one (written before migration 0004) reads its name from the log, the same answer", async () => {
    const path = `/api/workers?unit=${CHIENG_AN}&limit=20`
    const first = await province.json("GET", path)
    expect(first.status).toBe(200)
    const ids: string[] = first.body.items.map((i: Item) => i.id)
    const db = t.services.log.database.db
    const kept = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pd_name_order
      WHERE worker_id = ANY (${ids}::text[]) AND identity IS NOT NULL`.execute(db)
    expect(kept.rows[0]!.n).toBe(ids.length)
    await sql`UPDATE pd_name_order SET identity = NULL WHERE worker_id = ANY (${ids.slice(0, 5)}::text[])`.execute(db)
    const again = await province.json("GET", path)
    expect(again.body).toEqual(first.body)
    expect(first.body.items.filter((i: Item) => i.fullName !== null).length).toBeGreaterThan(0)
  })
})
