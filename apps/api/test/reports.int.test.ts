import { execFileSync } from "node:child_process"
import { mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { encodeEvent, Report } from "@xkld/domain"
import { testEvent } from "@xkld/event-store/testing"
import { CONTENT_VERSION, renderAll, reportContent } from "@xkld/reports"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openTestApp, signIn, type Client, type TestApp } from "./support/test-app.ts"

/**
 * The 6-month and annual reports over HTTP (issue 11): a commune officer and the province officer download their
 * report in every format; issuing records ReportIssued and fulfils the reporting obligation; an issued report
 * re-downloaded after a later correction is byte-identical, and its difference names the correction. About 25 s.
 */

let t: TestApp
const clients = new Map<string, Client>()
const as = (username: string) => clients.get(username)!
const AS_OF = "2026-06-14T10:00:00.000Z"
const TO_HIEU = "03646"
const CHIENG_AN = "03664"

beforeAll(async () => {
  t = await openTestApp({ demoEvents: 5000 })
  for (const username of ["so-noi-vu", "to-hieu", "lanh-dao", "doanh-nghiep"])
    clients.set(username, await signIn(t.app, username))
})
afterAll(() => t.close())

const bytesOf = async (r: Response) => new Uint8Array(await r.arrayBuffer())
const pdfText = (bytes: Uint8Array) => {
  const path = join(mkdtempSync(join(tmpdir(), "report-")), "r.pdf")
  writeFileSync(path, bytes)
  return execFileSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" })
}
const periodic = (query: string) => `/api/reports/periodic?${query}`

describe("GET /api/reports/periodic", () => {
  test("a commune officer gets its own ward's 6-month report in DOCX, XLSX, PDF and JSON", async () => {
    const base = `reporter=${TO_HIEU}&period=2026-H1&asOf=${AS_OF}`
    const types = {
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      pdf: "application/pdf",
      json: "application/json; charset=utf-8",
    }
    for (const [format, type] of Object.entries(types)) {
      const r = await as("to-hieu").request("GET", periodic(`${base}&format=${format}`))
      expect(r.status, format).toBe(200)
      expect(r.headers.get("content-type")).toBe(type)
      expect(r.headers.get("content-disposition")).toContain(`bao-cao_14_2026-H1_${TO_HIEU}_20260614T100000Z.${format}`)
      const bytes = await bytesOf(r)
      expect(r.headers.get("x-content-sha256")).toMatch(/^[0-9a-f]{64}$/)
      if (format === "pdf") {
        const text = pdfText(bytes)
        expect(text).toContain("ỦY BAN NHÂN DÂN")
        expect(text).toContain("Tô Hiệu, ngày 14 tháng 06 năm 2026")
      }
      if (format === "json") {
        const body = JSON.parse(new TextDecoder().decode(bytes))
        expect(body.reporter).toMatchObject({ kind: "unit", code: TO_HIEU, name: "Phường Tô Hiệu" })
        expect(body.sections[0].tables[0].rows).toHaveLength(1)
      }
    }
  })

  test("a commune officer cannot have another ward's or the province's report; the province officer has both", async () => {
    for (const reporter of [CHIENG_AN, "province"]) {
      const r = await as("to-hieu").json("GET", periodic(`reporter=${reporter}&period=2026-H1&asOf=${AS_OF}`))
      expect(r.status, reporter).toBe(403)
    }
    const province = await as("so-noi-vu").request(
      "GET",
      periodic(`reporter=province&period=2026-H1&asOf=${AS_OF}&format=pdf`),
    )
    expect(province.status).toBe(200)
    const text = pdfText(await bytesOf(province))
    expect(text).toContain("SỞ NỘI VỤ")
    expect(text).toContain("Sơn La, ngày 14 tháng 06 năm 2026")
    const leader = await as("lanh-dao").json("GET", periodic(`reporter=${CHIENG_AN}&period=2026&asOf=${AS_OF}`))
    expect(leader.status).toBe(200)
    expect(leader.body.period).toMatchObject({ code: "2026", label: "năm 2026" })
    expect((await as("doanh-nghiep").json("GET", periodic("reporter=province&period=2026"))).status).toBe(403)
  })

  test("bad input is a clear 400 or 404: a future as-of, an unknown period or unit", async () => {
    const future = await as("so-noi-vu").json(
      "GET",
      periodic("reporter=province&period=2026&asOf=2027-01-01T00:00:00Z"),
    )
    expect(future.status).toBe(400)
    expect(future.body.detail).toContain("Thời điểm số liệu chưa đến")
    expect((await as("so-noi-vu").json("GET", periodic("reporter=province&period=2026-H2"))).status).toBe(400)
    expect((await as("so-noi-vu").json("GET", periodic("reporter=1&period=2026"))).status).toBe(400)
    const unknown = await as("so-noi-vu").json("GET", periodic("reporter=99999&period=2026-H1"))
    expect(unknown.status).toBe(404)
    expect(unknown.body.detail).toContain("99999")
  })
})

describe("issued reports", () => {
  test("issuing records ReportIssued and fulfils the obligation; after a correction the re-download is byte-identical and the difference names it", async () => {
    const body = {
      reporter: TO_HIEU,
      period: "2026-H1",
      asOf: AS_OF,
      documentNumber: "7",
      documentDate: "2026-06-14",
      signer: { authority: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "Lò Văn Thưởng" },
      difficulties: "Người lao động còn e ngại chi phí ban đầu.",
      proposals: "Đề nghị hỗ trợ học ngoại ngữ.",
    }
    const issued = await as("to-hieu").json("POST", "/api/reports/issued", body)
    expect(issued.status).toBe(201)
    const id = issued.body.id as string
    expect(id).toMatch(/^issued-report:14:2026-H1:03646:[0-9a-f]{8}$/)
    expect(issued.body.report).toMatchObject({
      documentNumber: "7",
      asOf: AS_OF,
      obligationId: "reporting-obligation:14:2026:six-month:03646",
    })
    expect(issued.body.events.map((e: { type: string }) => e.type)).toEqual(["ReportIssued", "ReportSubmitted"])
    const obligations = await as("to-hieu").json("GET", "/api/reporting-obligations?unit=03646&period=2026-H1")
    const obligation = obligations.body.items.find((o: { id: string }) => o.id === issued.body.report.obligationId)
    expect(obligation.submission).toMatchObject({ submittedOn: "2026-06-14", documentRef: { number: "07/BC-UBND" } })
    // what was submitted: the issued report and its PDF's hash (issue 9 §4)
    expect(obligation.submission).toMatchObject({
      issuedReportId: id,
      contentSha256: issued.body.report.contentHashes.pdf,
    })
    // Chiềng An's officer does not see it; issuing it again for another ward is refused, nothing written.
    const before = await t.services.log.count()
    expect((await as("to-hieu").json("POST", "/api/reports/issued", { ...body, reporter: CHIENG_AN })).status).toBe(403)
    expect(await t.services.log.count()).toBe(before)

    const first: Record<string, Uint8Array> = {}
    for (const format of ["docx", "xlsx", "pdf", "json"]) {
      const r = await as("to-hieu").request("GET", `/api/reports/issued/${encodeURIComponent(id)}?format=${format}`)
      expect(r.status, format).toBe(200)
      expect(r.headers.get("x-content-sha256")).toBe(issued.body.report.contentHashes[format])
      first[format] = await bytesOf(r)
    }
    expect(pdfText(first.pdf!).replace(/\s+/g, " ")).toContain("Người lao động còn e ngại chi phí ban đầu.")

    // A later correction: a departure of a Tô Hiệu worker counted in the report is voided.
    const report = JSON.parse(new TextDecoder().decode(first.json!))
    const scope: string[] = report.reporter.unitIds
    const departures = await t.services.models.departures({ provinceCode: "14", years: [2026], asOf: new Date(AS_OF) })
    const departed = departures.find((d) => d.counted && scope.includes(d.unitId) && d.departedOn <= "2026-06-14")
    expect(departed, "a counted 2026 departure of Tô Hiệu before the report").toBeDefined()
    const voided = await as("so-noi-vu").json("POST", `/api/workers/${departed!.workerId}/voids`, {
      correctsEventId: departed!.departureEventId,
      reason: "Ghi nhầm ngày xuất cảnh của người khác",
    })
    expect(voided.status).toBe(201)
    const voidEventId = voided.body.events[0].eventId as string
    // "Now" is the same days as known now (ADR 0020): Tô Hiệu's departures dated up to 14/06/2026, late records
    // and corrections included, not its departures of later days. A late record of those days could bring the
    // figure back to what was printed (a figure that nets out is not a difference): void those too.
    const sameDaysNow = async () =>
      (await t.services.models.departures({ provinceCode: "14", years: [2026] })).filter(
        (d) => d.counted && scope.includes(d.unitId) && d.departedOn <= "2026-06-14",
      )
    const printedIds = new Set(
      departures.filter((d) => d.counted && scope.includes(d.unitId)).map((d) => d.departureEventId),
    )
    for (const late of (await sameDaysNow()).filter((d) => !printedIds.has(d.departureEventId))) {
      const r = await as("so-noi-vu").json("POST", `/api/workers/${late.workerId}/voids`, {
        correctsEventId: late.departureEventId,
        reason: "Ghi nhầm ngày xuất cảnh của người khác",
      })
      expect(r.status).toBe(201)
    }

    for (const format of ["docx", "xlsx", "pdf", "json"]) {
      const r = await as("to-hieu").request("GET", `/api/reports/issued/${encodeURIComponent(id)}?format=${format}`)
      expect(r.status, format).toBe(200)
      expect(Buffer.from(await bytesOf(r)).equals(Buffer.from(first[format]!)), format).toBe(true)
    }
    const diff = await as("to-hieu").json("GET", `/api/reports/issued/${encodeURIComponent(id)}/difference`)
    expect(diff.status).toBe(200)
    const departedFigure = diff.body.differences.find(
      (d: { key: string }) => d.key === "ket-qua|Phường Tô Hiệu|Đã xuất cảnh (người)",
    )
    // as reported: the issued file's figure; now: the departures of the same days as the log knows them now
    const reportedRow = report.sections[0].tables[0].rows[0]
    expect(departedFigure.reported).toBe(reportedRow.cells[2])
    const expectedNow = (await sameDaysNow()).length
    expect(expectedNow).toBe(reportedRow.cells[2] - 1)
    expect(departedFigure.now).toBe(expectedNow)
    // not what attainment says for the whole year today, when Tô Hiệu has departures of later days
    const laterDays = (await t.services.models.departures({ provinceCode: "14", years: [2026] })).filter(
      (d) => d.counted && scope.includes(d.unitId) && d.departedOn > "2026-06-14",
    ).length
    const current = await as("to-hieu").json("GET", `/api/attainment?year=2026&unit=${TO_HIEU}`)
    expect(current.body.items[0].departed).toBe(expectedNow + laterDays)
    expect(departedFigure.eventIds).toContain(voidEventId)
    expect(diff.body.events.find((e: { eventId: string }) => e.eventId === voidEventId)).toMatchObject({
      type: "WorkerFactVoided",
      corrects: { eventId: departed!.departureEventId, reason: "Ghi nhầm ngày xuất cảnh của người khác" },
    })
  })

  test("the province officer issues the province's report; unknown or foreign ids are 404", async () => {
    const issued = await as("so-noi-vu").json("POST", "/api/reports/issued", {
      reporter: "province",
      period: "2026-H1",
      asOf: AS_OF,
      documentNumber: "112",
      signer: { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Thị Hường" },
    })
    expect(issued.status).toBe(201)
    expect(issued.body.report.documentDate).toBe("2026-06-14")
    const id = encodeURIComponent(issued.body.id)
    expect((await as("to-hieu").json("GET", `/api/reports/issued/${id}`)).status).toBe(404)
    const docx = await as("lanh-dao").request("GET", `/api/reports/issued/${id}?format=docx`)
    expect(docx.status).toBe(200)
    expect(
      (await as("so-noi-vu").json("GET", "/api/reports/issued/issued-report:14:2026-H1:province:00000000")).status,
    ).toBe(404)
    expect((await as("so-noi-vu").json("GET", "/api/reports/issued/khong-co")).status).toBe(400)
    const late = await as("so-noi-vu").json("POST", "/api/reports/issued", {
      reporter: "province",
      period: "2026-H1",
      asOf: AS_OF,
      documentNumber: "113",
      documentDate: "2026-06-13",
      signer: { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Thị Hường" },
    })
    expect(late.status).toBe(422)
    expect(late.body.detail).toBe("Số liệu của báo cáo không thể tính đến sau ngày ký văn bản")

    // the admin's list: every issued report of the province, newest first; a commune officer only its own
    const list = await as("so-noi-vu").json("GET", "/api/reports/issued?province=14")
    expect(list.status).toBe(200)
    expect(list.body.provinceCode).toBe("14")
    expect(list.body.items[0]).toEqual({
      id: issued.body.id,
      reporter: issued.body.report.reporter,
      period: "2026-H1",
      asOf: issued.body.report.asOf,
      documentNumber: "112",
      documentDate: "2026-06-14",
      signer: { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Nguyễn Thị Hường" },
      contentHashes: issued.body.report.contentHashes,
      obligationId: issued.body.report.obligationId,
      issuedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    })
    const own = await as("to-hieu").json("GET", "/api/reports/issued")
    expect(own.status).toBe(200)
    expect(own.body.items.map((i: { id: string }) => i.id)).not.toContain(issued.body.id)
    for (const item of own.body.items) expect(item.reporter).toMatchObject({ kind: "unit", code: TO_HIEU })
    expect((await as("doanh-nghiep").json("GET", "/api/reports/issued")).status).toBe(403)
    expect((await as("so-noi-vu").json("GET", "/api/reports/issued?province=1")).status).toBe(400)
  })

  test("a report issued by builder version 1, before ReportIssued kept a version, re-downloads byte-identical after the builder changed", async () => {
    const signer = { authority: "TM. ỦY BAN NHÂN DÂN", position: "CHỦ TỊCH", name: "Lò Văn Thưởng" }
    const request = {
      provinceCode: "14",
      reporter: TO_HIEU,
      period: "2026-H1",
      asOf: new Date(AS_OF),
      number: "9",
      date: "2026-06-14",
      signer,
    }
    const v1 = await renderAll(await reportContent(t.services.models, { ...request, contentVersion: 1 }), 1)
    const now = await renderAll(await reportContent(t.services.models, request))
    expect(CONTENT_VERSION).toBeGreaterThan(1)
    // the builder changed since version 1 (section IV's deaths and missing rows): every format's bytes differ
    for (const format of ["docx", "xlsx", "pdf", "json"] as const)
      expect(v1[format].sha256, format).not.toBe(now[format].sha256)
    expect(pdfText(now.pdf.bytes)).toContain("Tử vong ở nước ngoài")
    expect(pdfText(v1.pdf.bytes)).not.toContain("Tử vong ở nước ngoài")

    // as it was recorded before the field existed: no contentVersion
    const reportId = Report.issuedReportIds.make("14", "2026-H1", TO_HIEU, "0000a001")
    const old = new Report.ReportIssued({
      reportId,
      provinceCode: "14",
      reporter: { kind: "unit", code: TO_HIEU, name: "Phường Tô Hiệu" },
      period: "2026-H1",
      asOf: AS_OF,
      documentNumber: "9",
      documentDate: "2026-06-14",
      signer,
      contentHashes: { docx: v1.docx.sha256, xlsx: v1.xlsx.sha256, pdf: v1.pdf.sha256, json: v1.json.sha256 },
      obligationId: null,
    })
    const encoded = encodeEvent(old)
    expect(encoded.data).not.toHaveProperty("contentVersion")
    const appended = await t.services.log.append({
      streamId: reportId,
      streamType: Report.issuedReportStreamType,
      expectedVersion: "no_stream",
      events: [{ ...testEvent(encoded.data, encoded.type), schemaVersion: encoded.schemaVersion }],
    })
    expect(appended.ok).toBe(true)
    for (const format of ["docx", "xlsx", "pdf", "json"] as const) {
      const r = await as("to-hieu").request(
        "GET",
        `/api/reports/issued/${encodeURIComponent(reportId)}?format=${format}`,
      )
      expect(r.status, format).toBe(200)
      expect(Buffer.from(await bytesOf(r)).equals(Buffer.from(v1[format].bytes)), format).toBe(true)
    }
    // its difference compares version 1 with version 1: the rows added later are not differences
    const diff = await as("to-hieu").json("GET", `/api/reports/issued/${encodeURIComponent(reportId)}/difference`)
    expect(diff.status).toBe(200)
    expect(diff.body.differences.map((d: { key: string }) => d.key).join("\n")).not.toContain("Tử vong")

    // a report issued today records the current version
    const issued = await as("to-hieu").json("POST", "/api/reports/issued", {
      reporter: TO_HIEU,
      period: "2026-H1",
      asOf: AS_OF,
      documentNumber: "10",
      signer,
    })
    expect(issued.status).toBe(201)
    expect(issued.body.report.contentVersion).toBe(CONTENT_VERSION)
  })
})

describe("a department's report (sở, ban, ngành)", () => {
  test("a department officer lists, downloads and issues its own department's report, which fulfils its obligation; not another department's", async () => {
    const admin = await signIn(t.app, "quan-tri")
    const created = await admin.json("POST", "/api/users", {
      username: "cong-an-bc",
      displayName: "Cán bộ Công an tỉnh",
      role: "department-officer",
      provinceCode: "14",
      agency: "CA-TINH",
      password: "Công an tỉnh 2026",
    })
    expect(created.status).toBe(201)
    const police = await signIn(t.app, "cong-an-bc", "Công an tỉnh 2026")
    // the province sets the department's own six-month obligation (the seed's is one for every department)
    const obligationId = "reporting-obligation:14:2026:six-month:CA-TINH"
    const set = await as("so-noi-vu").json("POST", "/api/reporting-obligations", {
      obligationId,
      reporter: { kind: "agency", code: "CA-TINH", name: "Công an tỉnh" },
      recipient: { kind: "agency", code: "UBND-TINH", name: "UBND tỉnh" },
      via: { kind: "agency", code: "SNV", name: "Sở Nội vụ" },
      reportKind: "six-month",
      period: { year: 2026, label: "06 tháng đầu năm 2026" },
      deadline: "2026-06-15",
      deadlineRule: "before",
      deadlinePrinted: "06 tháng (trước ngày 15/6)",
      legalBasis: { number: "120/SNV-LĐVL", date: "2026-01-20", issuer: "Sở Nội vụ tỉnh Sơn La" },
    })
    expect(set.status).toBe(201)

    // who reports: the province, the plan's wards, and (for this officer) its own department only
    const reporters = await police.json("GET", "/api/reports/reporters?period=2026-H1")
    expect(reporters.status).toBe(200)
    const agencies = reporters.body.items.filter((i: { kind: string }) => i.kind === "agency")
    expect(agencies).toEqual([{ kind: "agency", code: "CA-TINH", name: "Công an tỉnh" }])
    const all = await as("so-noi-vu").json("GET", "/api/reports/reporters?period=2026-H1")
    const codes = all.body.items.map((i: { code: string }) => i.code)
    expect(codes[0]).toBe("province")
    expect(codes).toContain(TO_HIEU)
    expect(codes).toContain("CA-TINH")
    expect(codes).not.toContain("SNV")
    const ward = await as("to-hieu").json("GET", "/api/reports/reporters?period=2026-H1")
    expect(ward.body.items.map((i: { code: string }) => i.code)).toEqual([TO_HIEU])

    const pdf = await police.request("GET", periodic(`reporter=CA-TINH&period=2026-H1&asOf=${AS_OF}&format=pdf`))
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get("content-disposition")).toContain("bao-cao_14_2026-H1_CA-TINH_20260614T100000Z.pdf")
    const text = pdfText(await bytesOf(pdf)).replace(/\s+/g, " ")
    for (const line of [
      "UBND TỈNH SƠN LA",
      "CÔNG AN TỈNH",
      "Sơn La, ngày 14 tháng 06 năm 2026",
      "không có địa bàn riêng",
    ])
      expect(text, line).toContain(line)
    const json = await police.json("GET", periodic(`reporter=CA-TINH&period=2026-H1&asOf=${AS_OF}`))
    expect(json.body.reporter).toEqual({ kind: "agency", code: "CA-TINH", name: "Công an tỉnh", unitIds: [] })
    // another department's, a ward officer's, an unknown code
    const other = all.body.items.find(
      (i: { kind: string; code: string }) => i.kind === "agency" && i.code !== "CA-TINH",
    )
    expect(other, "Sơn La's plan names other departments").toBeDefined()
    expect((await police.json("GET", periodic(`reporter=${other.code}&period=2026-H1`))).status).toBe(403)
    expect((await as("so-noi-vu").json("GET", periodic(`reporter=${other.code}&period=2026-H1`))).status).toBe(200)
    expect((await as("to-hieu").json("GET", periodic("reporter=CA-TINH&period=2026-H1"))).status).toBe(403)
    const unknown = await as("so-noi-vu").json("GET", periodic("reporter=SNV&period=2026-H1"))
    expect(unknown.status).toBe(404)
    expect(unknown.body.detail).toContain("SNV")

    const issued = await police.json("POST", "/api/reports/issued", {
      reporter: "CA-TINH",
      period: "2026-H1",
      asOf: AS_OF,
      documentNumber: "21",
      signer: { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Hoàng Văn Tâm" },
      difficulties: "Thủ tục cấp hộ chiếu cho người ở vùng sâu còn đi lại xa.",
    })
    expect(issued.status).toBe(201)
    expect(issued.body.report).toMatchObject({
      reporter: { kind: "agency", code: "CA-TINH", name: "Công an tỉnh" },
      obligationId,
      contentVersion: CONTENT_VERSION,
    })
    expect(issued.body.events.map((e: { type: string }) => e.type)).toEqual(["ReportIssued", "ReportSubmitted"])
    const obligations = await police.json("GET", "/api/reporting-obligations?limit=500")
    const mine = obligations.body.items.find((o: { id: string }) => o.id === obligationId)
    expect(mine.submission).toMatchObject({ documentRef: { number: "21/BC-CA-TINH" }, issuedReportId: issued.body.id })
    const id = encodeURIComponent(issued.body.id)
    const again = await police.request("GET", `/api/reports/issued/${id}?format=docx`)
    expect(again.status).toBe(200)
    expect(again.headers.get("x-content-sha256")).toBe(issued.body.report.contentHashes.docx)
    expect((await police.json("GET", `/api/reports/issued/${id}/difference`)).status).toBe(200)
    expect((await as("to-hieu").json("GET", `/api/reports/issued/${id}`)).status).toBe(404)
    const list = await police.json("GET", "/api/reports/issued")
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(issued.body.id)
    // issuing another department's report is refused
    const foreign = await police.json("POST", "/api/reports/issued", {
      reporter: other.code,
      period: "2026-H1",
      asOf: AS_OF,
      documentNumber: "22",
      signer: { authority: "KT. GIÁM ĐỐC", position: "PHÓ GIÁM ĐỐC", name: "Hoàng Văn Tâm" },
    })
    expect(foreign.status).toBe(403)
  })
})
