import { settled } from "./settled.ts"
import { createHash, randomUUID } from "node:crypto"
import { AdminUnit, encodeEvent } from "@xkld/domain"
import { recordSeedDocuments } from "@xkld/demo"
import { toStoreRecords } from "@xkld/projections"
import ExcelJS from "exceljs"
import { sql } from "kysely"
import { afterAll, beforeAll, expect } from "vitest"
import { createRequire } from "node:module"
import { openTestApp, type TestApp } from "./test-app.ts"
import { workbookOf, type CellSpec } from "./xlsx-files.ts"

/**
 * What the imports tests share (imports-*.int.test.ts): each file calls `setUpImportsApp()` for an app of its own —
 * Sơn La's units and the seed plans, no generated history, so it is quick to set up — and uses these helpers:
 * sessions that upload files, workbooks of generated people and quota tables, what an import may write.
 */

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

export const TO_HIEU = "03646"

export const CHIENG_AN = "03664"

export let t: TestApp

export let toHieuId: string

// ---- helpers --------------------------------------------------------------------------------------------------

export interface Session {
  readonly get: (path: string) => Promise<Response>
  readonly upload: (path: string, bytes: Uint8Array, fileName: string) => Promise<Response>
  readonly raw: (path: string, body: Uint8Array, headers: Record<string, string>) => Promise<Response>
}

export async function session(username: string): Promise<Session> {
  const response = await t.app.request("/api/session", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: "demo" }),
  })
  expect(response.status).toBe(200)
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!
  const { csrfToken } = (await jsonOf(response)) as { csrfToken: string }
  const headers = { cookie, "x-csrf-token": csrfToken }
  return {
    get: async (path) => t.app.request(path, { headers }),
    upload: async (path, bytes, fileName) => {
      const form = new FormData()
      form.append("file", new File([bytes as never], fileName, { type: XLSX }))
      return t.app.request(path, { method: "POST", headers, body: form })
    },
    raw: async (path, body, extra) =>
      t.app.request(path, { method: "POST", headers: { ...headers, ...extra }, body: body as never }),
  }
}

export const jsonOf = async (response: Response): Promise<any> => response.json()

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex")

/** A valid CCCD for a person born on `dateOfBirth` (century/sex digit, two-digit year), unique by `serial`. */
export const citizenIdFor = (dateOfBirth: string, sex: "Nam" | "Nữ", serial: number) => {
  const year = Number(dateOfBirth.slice(0, 4))
  const digit = (year >= 2000 ? 2 : 0) + (sex === "Nữ" ? 1 : 0)
  return `014${digit}${String(year % 100).padStart(2, "0")}${String(serial).padStart(6, "0")}`
}

export interface Person {
  name: string
  cccd: string
  dob: string // dd/mm/yyyy
  sex: "Nam" | "Nữ"
  unit: string
  minority: "Có" | "Không"
  groups?: string
  registered: string // dd/mm/yyyy
  phone?: string
}

export const HEADERS = [
  "STT",
  "Họ và tên",
  "Số CCCD",
  "Ngày sinh (dd/mm/yyyy)",
  "Giới tính (Nam/Nữ)",
  "Mã xã/phường",
  "Dân tộc thiểu số (Có/Không)",
  "Nhóm ưu tiên",
  "Ngày đăng ký (dd/mm/yyyy)",
  "Số điện thoại",
]

export const rowOf = (p: Person, i: number) => [
  i + 1,
  p.name,
  p.cccd,
  p.dob,
  p.sex,
  p.unit,
  p.minority,
  p.groups ?? "",
  p.registered,
  p.phone ?? "",
]

/** A workers list as an officer would type it: a title line, the header on row 2, people from row 3. */
export async function workersFile(people: ReadonlyArray<Person>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("DS")
  sheet.addRow(["DANH SÁCH NGƯỜI LAO ĐỘNG ĐĂNG KÝ ĐI LÀM VIỆC Ở NƯỚC NGOÀI"])
  sheet.addRow(HEADERS)
  people.forEach((p, i) => sheet.addRow(rowOf(p, i)))
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

export const FAMILY = ["Lò", "Cầm", "Quàng", "Hoàng", "Vì", "Lường", "Tòng", "Điêu"]

export const GIVEN = ["Văn Minh", "Thị Lan", "Văn Hùng", "Thị Mai", "Văn Tuấn", "Thị Hoa", "Văn Dũng", "Thị Hương"]

/** `n` different valid people of Tô Hiệu; `seed` keeps lists of different tests apart. */
export const people = (n: number, seed: number, unit = TO_HIEU): Array<Person> =>
  Array.from({ length: n }, (_, i) => {
    const sex = i % 2 === 0 ? "Nam" : "Nữ"
    const year = 1990 + ((i * 7 + seed) % 15)
    const dob = `${String(1 + (i % 28)).padStart(2, "0")}/${String(1 + (i % 12)).padStart(2, "0")}/${year}`
    return {
      name: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i + seed) % GIVEN.length]}`,
      cccd: citizenIdFor(`${year}-01-01`, sex, seed * 1000 + i),
      dob,
      sex,
      unit,
      minority: i % 3 === 0 ? "Không" : "Có",
      ...(i % 4 === 0 ? { groups: "Hộ nghèo; Thanh niên" } : {}),
      registered: `${String(1 + (i % 20)).padStart(2, "0")}/01/2026`,
      ...(i % 5 === 0 ? { phone: `09${String(10_000_000 + i).padStart(8, "0")}` } : {}),
    }
  })

export const workersIn = async (unitId: string) => (await t.services.models.workers({ unitIds: [unitId] })).length

// ---- quota tables ---------------------------------------------------------------------------------------------

export type QuotaRow = readonly [string | number | null, string, string | number, number | string]

export async function quotaFile(rows: ReadonlyArray<QuotaRow>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("Phụ lục 01")
  sheet.addRow(["STT", "Mã ĐVHC", "Tên xã, phường", "Tỷ lệ (%)", "Chỉ tiêu (người)"])
  rows.forEach((r, i) => sheet.addRow([r[0] === null ? null : i + 1, ...r]))
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

// ---- hostile and awkward files ----------------------------------------------------------------------------------

/** The cells of a person's row as the hand-made workbooks write them (empty cells left out). */
export const personCells = (p: Person, i: number): Array<CellSpec> => rowOf(p, i).map((v) => (v === "" ? null : v))

/** A workers list whose sheet is written cell by cell: header on row 1, `rows` from row 2. */
export const handMadeWorkers = (rows: ReadonlyArray<ReadonlyArray<CellSpec>>, afterRows?: string) =>
  workbookOf({ sheet: [HEADERS, ...rows], ...(afterRows === undefined ? {} : { afterRows }) })

/** Everything an import can write: events, streams, read-model rows, person keys, idempotency records. */
export const footprint = async () => {
  const db = t.services.log.database.db
  const count = async (table: string) =>
    Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0]!.n)
  await settled(t.services)
  return {
    events: await t.services.log.count(),
    streams: await count("es_streams"),
    personKeys: await count("pd_person_keys"),
    idempotency: await count("api_idempotency"),
    toHieuWorkers: await workersIn(toHieuId),
    plans: (await t.services.models.plans({ provinceCode: "14" })).length,
  }
}

/** Runs `request` while sampling the process's resident memory; the answer, its time and the peak growth. */
export const measured = async (request: () => Promise<Response>) => {
  const before = process.memoryUsage.rss()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5)
  const started = performance.now()
  try {
    const response = await request()
    return { response, body: await jsonOf(response), ms: performance.now() - started, grewBy: peak - before }
  } finally {
    clearInterval(sampler)
  }
}

export const MiB = 1024 * 1024

/**
 * Runs DDL as the database's owner: PGlite's one connection is the owner; on PostgreSQL the app logs in as a
 * role that may not create triggers, so a connection as the test's admin user (DATABASE_URL) is opened on the
 * same database, with the driver the store itself uses.
 */
export async function asOwner(statements: ReadonlyArray<string>): Promise<void> {
  const db = t.services.log.database.db
  const url = process.env.DATABASE_URL
  if (!url) {
    for (const statement of statements) await sql.raw(statement).execute(db)
    return
  }
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db)
  const target = new URL(url)
  target.pathname = `/${rows[0]!.name}`
  const pg = createRequire(import.meta.resolve("@xkld/event-store/testing"))("pg") as {
    Client: new (options: { connectionString: string }) => {
      connect: () => Promise<void>
      query: (statement: string) => Promise<unknown>
      end: () => Promise<void>
    }
  }
  const admin = new pg.Client({ connectionString: target.toString() })
  await admin.connect()
  try {
    for (const statement of statements) await admin.query(statement)
  } finally {
    await admin.end()
  }
}

/**
 * The app with Sơn La's units and the seed plans recorded (no generated history: fast), and the commune
 * officers bound to their real unit ids.
 */
export function setUpImportsApp(): void {
  beforeAll(async () => {
    t = await openTestApp()
    const { log } = t.services
    await log.database.db.transaction().execute(async (trx) => {
      for (const event of AdminUnit.loadBundledAdminUnitEvents()) {
        const encoded = encodeEvent(event)
        const outcome = await log.append(
          {
            streamId: AdminUnit.streamIdOf(event),
            streamType: AdminUnit.adminUnitStreamType,
            expectedVersion: "any",
            events: [
              {
                eventId: randomUUID(),
                type: encoded.type,
                schemaVersion: encoded.schemaVersion,
                data: encoded.data,
                occurredAt: new Date(),
                metadata: {
                  actor: { userId: "seed", role: "system" },
                  commandId: "seed",
                  correlationId: "seed",
                  source: { kind: "seed", dataset: "units" },
                },
              },
            ],
          },
          trx,
        )
        if (!outcome.ok) throw outcome.error
      }
    })
    await recordSeedDocuments(log, toStoreRecords)
    await t.services.models.runner.caughtUp()
    const catalogue = await t.services.models.catalogues.at()
    const unitId = (code: string) => AdminUnit.unitOn(catalogue, code, "2026-01-01")[0]!.unitId
    toHieuId = unitId(TO_HIEU)
    for (const [username, code] of [
      ["to-hieu", TO_HIEU],
      ["chieng-an", CHIENG_AN],
    ] as const)
      await sql`UPDATE api_users SET unit_ids = ${[unitId(code)]}::text[] WHERE username = ${username}`.execute(
        log.database.db,
      )
  }, 300_000)
  afterAll(() => t?.close())
}
