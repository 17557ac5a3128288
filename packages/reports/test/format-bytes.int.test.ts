import { Packer } from "docx"
import JSZip from "jszip"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { buildReport, loadProvinceData, reportPeriod, type ReportContent, type Table } from "../src/index.ts"
import { directParts, docxDocument, renderDocx } from "../src/formats/docx.ts"
import { renderXlsx, xlsxWorkbook } from "../src/formats/xlsx.ts"
import { storedEntries, zipPinned } from "../src/formats/zip.ts"
import { reportFixture, type Fixture } from "./fixture.ts"

/**
 * The fast paths give the bytes of the slow ones they replaced (a report's bytes are its identity once issued,
 * ADR 0020): the DOCX with its tables' XML written directly against docx's object model of every element, the zip
 * writer against JSZip, the workbook written stored and deflated once against ExcelJS's zip re-packed. The slow
 * paths are written out here as they were.
 */

/** The re-pack as it was: JSZip reads the file, and zips its entries again with the pinned date. */
async function jszipPinned(entries: ReadonlyMap<string, Uint8Array | string>, pinned: Date): Promise<Uint8Array> {
  const stamp = pinned.toISOString().replace(/\.\d{3}Z$/, "Z")
  const target = new JSZip()
  for (const [name, part] of entries) {
    let data = part
    if (name === "docProps/core.xml")
      data = (typeof data === "string" ? data : new TextDecoder().decode(data))
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`)
    target.file(name, data, { date: pinned, createFolders: false, binary: typeof data !== "string" })
  }
  return target.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "DOS",
  })
}
async function jszipRepack(bytes: Uint8Array, pinned: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes)
  const entries = new Map<string, Uint8Array>()
  for (const entry of Object.values(source.files))
    if (!entry.dir) entries.set(entry.name, await entry.async("uint8array"))
  return jszipPinned(entries, pinned)
}
const compile = (content: ReportContent) =>
  (Packer as unknown as { compiler: { compile: (d: unknown) => Map<string, Uint8Array | string> } }).compiler.compile(
    docxDocument(content),
  )
const docxAsBefore = (content: ReportContent) => jszipPinned(compile(content), new Date(content.asOf))
const xlsxAsBefore = async (content: ReportContent) =>
  jszipRepack(new Uint8Array(await xlsxWorkbook(content).xlsx.writeBuffer()), new Date(content.asOf))
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

/** A table whose cells need every escape docx makes, and text that looks like docx's numbering placeholder. */
const awkward: Table = {
  id: "kho",
  title: "Bảng <thử> & “ký tự”",
  columns: [
    { label: "Tên <đơn vị> & 'mã'", kind: "text", width: 40 },
    { label: 'Số "người"', kind: "count", width: 20 },
    { label: "Tỷ lệ", kind: "percent", width: 20 },
  ],
  rows: [
    {
      ref: "9.01",
      key: "a",
      cells: ["A & B <c> \"d\" 'e'", 1234, 12.5],
      lineage: "/api/lineage?a=1&b=2",
      scope: { kind: "province" },
    },
    { ref: "9.02", key: "b", cells: [null, null, null], lineage: null, scope: { kind: "province" } },
    { ref: "9.03", key: "c", cells: ["", 0, 0], lineage: null, scope: { kind: "province" } },
    {
      ref: "9.04",
      key: "d",
      cells: ["Lò Văn Thưởng".normalize("NFD"), 1, 1],
      lineage: null,
      scope: { kind: "province" },
    },
    {
      ref: "9.05",
      key: "e",
      cells: ["ctrl\u0001\u0008\u000b\u001f tab\tnew\nline", 2, 2],
      lineage: null,
      scope: { kind: "province" },
    },
    {
      ref: "9.06",
      key: "f",
      cells: ["{default-bullet-numbering-0} {x}", 3, 3],
      lineage: "{default-bullet-numbering-0}",
      scope: { kind: "province" },
    },
    { ref: "9.07", key: "g", cells: ["😀 ngoài BMP", 4, 4], lineage: null, scope: { kind: "province" }, total: true },
  ],
  note: "Ghi chú <b> & 'x'",
}
const withAwkward = (c: ReportContent): ReportContent => ({
  ...c,
  sections: [...c.sections, { heading: "VI. <Thử> & 'ký tự'", paragraphs: ['Đoạn & <văn> "bản"'], tables: [awkward] }],
})

let fx: Fixture
const contents: ReportContent[] = []
beforeAll(async () => {
  fx = await reportFixture()
  for (const [code, asOf] of [
    ["2026-H1", "2026-06-15T00:00:00Z"],
    ["2026", "2026-11-23T00:00:00Z"],
  ] as const) {
    const data = await loadProvinceData(fx.models, {
      provinceCode: "14",
      period: reportPeriod(code)!,
      asOf: new Date(asOf),
    })
    contents.push(buildReport(data, "province", { number: "5" }))
    for (const item of data.attainment.items) contents.push(buildReport(data, item.unitCode))
  }
})
afterAll(() => fx.close())

describe("the same bytes as before", () => {
  test("DOCX: every reporter's, both periods, and a table of awkward text, as docx's object model and JSZip give", async () => {
    expect(contents.length).toBeGreaterThan(100)
    for (const content of [...contents, withAwkward(contents[0]!), withAwkward(contents[1]!)]) {
      // the tables' XML written directly (not the object model's fallback), part for part docx's own
      const direct = directParts(content)
      expect(direct, content.reporter.code).toBeDefined()
      // (core.xml carries docx's "now" until the zip pins it: compared through the bytes below)
      const before = compile(content)
      expect([...direct!.keys()]).toEqual([...before.keys()])
      expect(direct!.get("word/document.xml")).toBe(before.get("word/document.xml"))
      expect(same(await renderDocx(content), await docxAsBefore(content)), content.reporter.code).toBe(true)
    }
    // and through Packer itself, re-packed
    const content = withAwkward(contents[0]!)
    const viaPacker = await jszipRepack(await Packer.toBuffer(docxDocument(content)), new Date(content.asOf))
    expect(same(await renderDocx(content), viaPacker)).toBe(true)
  })

  test("XLSX: stored and deflated once, as ExcelJS's deflated zip re-packed", async () => {
    for (const content of [...contents.slice(0, 20), withAwkward(contents.at(-1)!)])
      expect(same(await renderXlsx(content), await xlsxAsBefore(content)), content.reporter.code).toBe(true)
  })

  test("the zip writer: JSZip's bytes for empty, large, binary and surrogate-split parts, twice (the cache)", async () => {
    const big = "x".repeat(16 * 1024 - 1) + "😀" + "ệ".repeat(40_000)
    const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251)
    const entries = new Map<string, Uint8Array | string>([
      ["[Content_Types].xml", '<?xml version="1.0"?><Types/>'],
      ["empty.xml", ""],
      ["empty.bin", new Uint8Array(0)],
      [
        "docProps/core.xml",
        "<dcterms:created>2020-01-01T00:00:00Z</dcterms:created><dcterms:modified>x</dcterms:modified>",
      ],
      ["big.xml", big],
      ["word/media/blob.bin", binary],
    ])
    for (const pinned of [new Date("2026-06-15T13:47:31Z"), new Date("2026-11-23T00:00:00Z")]) {
      const expected = await jszipPinned(entries, pinned)
      expect(same(await zipPinned(entries, pinned), expected)).toBe(true)
      expect(same(await zipPinned(entries, pinned), expected)).toBe(true)
    }
    // a name JSZip flags as UTF-8 goes through JSZip
    const named = new Map([["tệp.xml", "<a/>"]])
    const pinned = new Date("2026-06-15T00:00:00Z")
    expect(same(await zipPinned(named, pinned), await jszipPinned(named, pinned))).toBe(true)
  })

  test("a stored zip's entries, in order and without folders; anything deflated is left to JSZip", async () => {
    const zip = new JSZip()
    zip.file("xl/worksheets/sheet1.xml", "<a>ệ</a>")
    zip.file("[Content_Types].xml", "<b/>")
    zip.file("xl/empty.xml", "")
    const stored = storedEntries(await zip.generateAsync({ type: "uint8array", compression: "STORE" }))!
    expect([...stored.keys()]).toEqual(["xl/worksheets/sheet1.xml", "[Content_Types].xml", "xl/empty.xml"])
    expect(new TextDecoder().decode(stored.get("xl/worksheets/sheet1.xml"))).toBe("<a>ệ</a>")
    expect(stored.get("xl/empty.xml")!.length).toBe(0)
    expect(storedEntries(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }))).toBeUndefined()
  })
})
