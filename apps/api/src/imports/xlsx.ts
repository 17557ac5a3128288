import { createRequire } from "node:module"
import type { ZipArchive } from "./zip.ts"
import { ZipRefusal } from "./zip.ts"

/**
 * Streaming reader of the parts of an .xlsx that an import needs: the workbook (sheet order, date system), the
 * shared strings, the cell styles that are dates, and each sheet's rows one at a time. XML is parsed by the
 * streaming SAX parser that ExcelJS ships (its `parse-sax`, over `saxes`), fed with text decoded as a stream, so
 * no sheet is ever held whole in memory and the caller can stop reading at any row (ADR 0011).
 */

interface SaxNode {
  readonly name: string
  readonly attributes: Readonly<Record<string, string>>
}
type SaxEvent =
  | { readonly eventType: "opentag"; readonly value: SaxNode }
  | { readonly eventType: "closetag"; readonly value: SaxNode }
  | { readonly eventType: "text"; readonly value: string }

const require = createRequire(import.meta.url)
const parseSax = require("exceljs/lib/utils/parse-sax.js") as (
  chunks: AsyncIterable<string>,
) => AsyncGenerator<ReadonlyArray<SaxEvent>>

/** A cell that cannot be taken as a value, and why (Vietnamese, then English). */
export interface CellProblem {
  readonly problem: true
  readonly message: string
  readonly messageEn: string
}
/** A cell as read: text (raw, not yet normalised), a number, a boolean, a date, or a problem. */
export type RawCell = string | number | boolean | Date | CellProblem

export const cellProblem = (message: string, messageEn: string): CellProblem => ({ problem: true, message, messageEn })
export const isCellProblem = (cell: unknown): cell is CellProblem =>
  typeof cell === "object" && cell !== null && (cell as CellProblem).problem === true

export interface SheetRef {
  readonly name: string
  readonly path: string
}

export interface WorkbookParts {
  readonly sheets: ReadonlyArray<SheetRef>
  readonly date1904: boolean
  readonly sharedStrings: ReadonlyArray<string>
  /** Indexes of cell formats (`s` attribute) whose number format is a date or time. */
  readonly dateStyles: ReadonlySet<number>
}

/** A merged range, 1-based and inclusive. */
export interface MergedRange {
  readonly ref: string
  readonly top: number
  readonly left: number
  readonly bottom: number
  readonly right: number
}

export type SheetEvent =
  | { readonly kind: "row"; readonly row: number; readonly cells: ReadonlyMap<number, RawCell> }
  | { readonly kind: "merge"; readonly range: MergedRange }

const MAX_SHARED_STRINGS = 1_000_000
const corrupt = (why: string) => new ZipRefusal("corrupt", why)
const local = (name: string) => name.slice(name.indexOf(":") + 1)

/** The XML events of one part, decoded from UTF-8 as a stream (a character split across chunks stays whole). */
async function* xmlEvents(archive: ZipArchive, path: string): AsyncGenerator<SaxEvent> {
  const decoder = new TextDecoder("utf-8", { fatal: true })
  async function* text() {
    try {
      for await (const chunk of archive.open(path)) yield decoder.decode(chunk, { stream: true })
      yield decoder.decode()
    } catch (error) {
      if (error instanceof ZipRefusal) throw error
      throw corrupt(`${path} is not UTF-8`)
    }
  }
  try {
    for await (const events of parseSax(text())) yield* events
  } catch (error) {
    if (error instanceof ZipRefusal) throw error
    throw corrupt(`${path} is not well-formed XML`)
  }
}

/** OOXML escapes characters XML cannot carry as `_xHHHH_` (and a literal `_x` as `_x005F_x`). */
export const unescapeXstring = (text: string): string =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

interface Relationship {
  readonly type: string
  readonly target: string
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf("/") + 1)
const relsOf = (path: string) => `${dirOf(path)}_rels/${path.slice(path.lastIndexOf("/") + 1)}.rels`
const resolve = (base: string, target: string): string => {
  const parts = (target.startsWith("/") ? target.slice(1) : base + target).split("/")
  const out: Array<string> = []
  for (const p of parts) {
    if (p === "..") out.pop()
    else if (p !== "." && p !== "") out.push(p)
  }
  return out.join("/")
}

async function readRels(archive: ZipArchive, source: string): Promise<ReadonlyMap<string, Relationship>> {
  const path = relsOf(source)
  const rels = new Map<string, Relationship>()
  if (!archive.entries.has(path)) return rels
  for await (const e of xmlEvents(archive, path))
    if (e.eventType === "opentag" && local(e.value.name) === "Relationship") {
      const { Id, Type, Target, TargetMode } = e.value.attributes
      if (Id && Type && Target && TargetMode !== "External")
        rels.set(Id, { type: Type, target: resolve(dirOf(source), Target) })
    }
  return rels
}

const ofType = (rels: ReadonlyMap<string, Relationship>, suffix: string) =>
  [...rels.values()].find((r) => r.type.endsWith(suffix))?.target

/** Reads everything but the sheets' rows. */
export async function readWorkbookParts(archive: ZipArchive): Promise<WorkbookParts> {
  const root = await readRels(archive, "")
  const workbookPath = ofType(root, "/officeDocument") ?? "xl/workbook.xml"
  if (!archive.entries.has(workbookPath)) throw corrupt("no workbook part")
  const rels = await readRels(archive, workbookPath)

  const sheets: Array<SheetRef> = []
  let date1904 = false
  for await (const e of xmlEvents(archive, workbookPath)) {
    if (e.eventType !== "opentag") continue
    const name = local(e.value.name)
    if (name === "workbookPr") date1904 = ["1", "true"].includes(e.value.attributes["date1904"] ?? "")
    if (name === "sheet") {
      const id = Object.entries(e.value.attributes).find(([k]) => k.includes(":") && local(k) === "id")?.[1]
      const rel = id === undefined ? undefined : rels.get(id)
      if (rel && rel.type.endsWith("/worksheet") && archive.entries.has(rel.target))
        sheets.push({ name: e.value.attributes["name"] ?? rel.target, path: rel.target })
    }
  }

  const sharedStrings: Array<string> = []
  const stringsPath = ofType(rels, "/sharedStrings")
  if (stringsPath && archive.entries.has(stringsPath)) {
    let text: string | undefined
    let phonetic = 0
    let inText = false
    for await (const e of xmlEvents(archive, stringsPath)) {
      if (e.eventType === "opentag") {
        const name = local(e.value.name)
        if (name === "si") text = ""
        else if (name === "rPh") phonetic++
        else if (name === "t") inText = phonetic === 0
      } else if (e.eventType === "closetag") {
        const name = local(e.value.name)
        if (name === "si") {
          if (sharedStrings.length >= MAX_SHARED_STRINGS)
            throw new ZipRefusal("too-large", "too many shared strings", { limit: MAX_SHARED_STRINGS })
          sharedStrings.push(unescapeXstring(text ?? ""))
          text = undefined
        } else if (name === "rPh") phonetic--
        else if (name === "t") inText = false
      } else if (inText && text !== undefined) text += e.value
    }
  }

  const dateStyles = new Set<number>()
  const stylesPath = ofType(rels, "/styles")
  if (stylesPath && archive.entries.has(stylesPath)) {
    const custom = new Map<number, string>()
    let inCellXfs = false
    let index = 0
    for await (const e of xmlEvents(archive, stylesPath)) {
      if (e.eventType === "opentag") {
        const name = local(e.value.name)
        if (name === "numFmt")
          custom.set(Number(e.value.attributes["numFmtId"]), e.value.attributes["formatCode"] ?? "")
        else if (name === "cellXfs") inCellXfs = true
        else if (name === "xf" && inCellXfs) {
          const id = Number(e.value.attributes["numFmtId"] ?? "0")
          if (isDateFormat(id, custom.get(id))) dateStyles.add(index)
          index++
        }
      } else if (e.eventType === "closetag" && local(e.value.name) === "cellXfs") inCellXfs = false
    }
  }
  return { sheets, date1904, sharedStrings, dateStyles }
}

/** Excel's built-in date and time formats (14–22, 45–47; 27–36 and 50–58 in East Asian locales). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36])
for (const id of [45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]) BUILTIN_DATE_FORMATS.add(id)

const isDateFormat = (id: number, code: string | undefined): boolean => {
  if (code === undefined) return BUILTIN_DATE_FORMATS.has(id)
  const bare = code
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
  return /[ymdhs]/i.test(bare)
}

/**
 * A date cell's day number as a UTC date. Excel's 1900 system counts 29/02/1900, a day that never was (serial
 * 60); the 1904 system counts from 01/01/1904.
 */
export const excelSerialDate = (serial: number, date1904: boolean): Date | CellProblem => {
  const day = Math.floor(serial)
  const ok = (epoch: number) => new Date(epoch + day * 86_400_000)
  if (date1904) return day >= 0 ? ok(Date.UTC(1904, 0, 1)) : notADay(serial)
  if (day < 1 || day === 60) return notADay(serial)
  return ok(day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30))
}
const notADay = (serial: number) =>
  cellProblem(`Ô ngày tháng mang số ${serial}, không ứng với ngày nào có thật.`, `Date cell ${serial} is no real day.`)

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/
const columnOf = (ref: string | undefined): number | undefined => {
  const m = ref === undefined ? null : /^([A-Z]{1,3})\d+$/.exec(ref)
  if (!m) return undefined
  let n = 0
  for (const ch of m[1]!) n = n * 26 + ch.charCodeAt(0) - 64
  return n <= 16_384 ? n : undefined
}
const rangeOf = (ref: string): MergedRange | undefined => {
  const m = /^([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)$/.exec(ref)
  if (!m) return undefined
  const [left, right] = [columnOf(`${m[1]}1`), columnOf(`${m[3]}1`)]
  if (left === undefined || right === undefined) return undefined
  return { ref, top: Number(m[2]), left, bottom: Number(m[4]), right }
}

/**
 * The rows of one sheet, in file order, then its merged ranges (which SpreadsheetML writes after the rows).
 * Stop iterating at any point: the part's inflation stops with it.
 */
export async function* sheetEvents(
  archive: ZipArchive,
  sheet: SheetRef,
  parts: WorkbookParts,
): AsyncGenerator<SheetEvent> {
  let rowNumber = 0
  let cells = new Map<number, RawCell>()
  let inRow = false
  let column = 0
  let cell: { type: string; style: number; formula: boolean; value: string | undefined; inline: string } | undefined
  let target: "v" | "is" | "f" | undefined
  let phonetic = 0

  for await (const e of xmlEvents(archive, sheet.path)) {
    if (e.eventType === "opentag") {
      const name = local(e.value.name)
      const a = e.value.attributes
      if (name === "row") {
        const r = a["r"] === undefined ? rowNumber + 1 : Number(a["r"])
        if (!Number.isInteger(r) || r < 1 || r > 1_048_576) throw corrupt(`bad row number ${a["r"]}`)
        rowNumber = r
        inRow = true
        column = 0
        cells = new Map()
      } else if (name === "c" && inRow) {
        const c = a["r"] === undefined ? column + 1 : columnOf(a["r"])
        if (c === undefined) throw corrupt(`bad cell reference ${a["r"]}`)
        column = c
        cell = { type: a["t"] ?? "n", style: Number(a["s"] ?? "0"), formula: false, value: undefined, inline: "" }
      } else if (cell) {
        if (name === "f") {
          cell.formula = true
          target = "f"
        } else if (name === "v") {
          cell.value = ""
          target = "v"
        } else if (name === "rPh") phonetic++
        else if (name === "t" && phonetic === 0) {
          cell.value ??= ""
          target = "is"
        }
      } else if (name === "mergeCell") {
        const range = rangeOf(a["ref"] ?? "")
        if (range) yield { kind: "merge", range }
      }
    } else if (e.eventType === "text") {
      if (!cell || target === undefined || target === "f") continue
      if (target === "v") cell.value = (cell.value ?? "") + e.value
      else cell.inline += e.value
    } else {
      const name = local(e.value.name)
      if (name === "c" && cell) {
        const value = cellValue(cell, parts)
        if (value !== undefined) cells.set(column, value)
        cell = undefined
        target = undefined
      } else if (name === "row" && inRow) {
        inRow = false
        yield { kind: "row", row: rowNumber, cells }
      } else if (name === "rPh") phonetic--
      else if (name === "v" || name === "t" || name === "f") target = undefined
    }
  }
}

function cellValue(
  cell: { type: string; style: number; formula: boolean; value: string | undefined; inline: string },
  parts: WorkbookParts,
): RawCell | undefined {
  const raw = cell.type === "inlineStr" ? cell.inline : cell.value
  if (cell.type === "e")
    return cellProblem(
      `Ô có lỗi “${raw ?? ""}” của công thức; hãy sửa trong Excel hoặc ghi giá trị thay cho công thức.`,
      `The cell holds the formula error "${raw ?? ""}".`,
    )
  if (raw === undefined || (cell.type === "inlineStr" && raw === "" && cell.value === undefined))
    return cell.formula
      ? cellProblem(
          "Ô có công thức nhưng chưa có kết quả tính sẵn; hãy mở tệp bằng Excel và lưu lại, hoặc ghi giá trị thay cho công thức.",
          "The cell has a formula without a computed result.",
        )
      : undefined
  switch (cell.type) {
    case "s": {
      const index = Number(raw)
      const text = Number.isInteger(index) ? parts.sharedStrings[index] : undefined
      return text ?? cellProblem("Ô tham chiếu tới một chuỗi không có trong tệp (tệp hỏng).", "Dangling shared string.")
    }
    case "inlineStr":
    case "str":
      return unescapeXstring(raw)
    case "d": {
      const m = /^(\d{4}-\d{2}-\d{2})(T00:00(:00(\.0+)?)?Z?)?$/.exec(raw.trim())
      return m ? m[1]! : cellProblem(`Ô ngày giờ “${raw}” không đọc được.`, `Unreadable date-time cell "${raw}".`)
    }
    case "b":
      if (raw === "1" || raw === "true") return true
      if (raw === "0" || raw === "false") return false
      return cellProblem(`Ô đúng/sai mang giá trị “${raw}” không đọc được.`, `Unreadable boolean "${raw}".`)
    default: {
      const n = NUMBER.test(raw.trim()) ? Number(raw) : Number.NaN
      if (!Number.isFinite(n))
        return cellProblem(
          `Ô số mang giá trị “${raw.slice(0, 40)}” không phải số hữu hạn.`,
          `"${raw.slice(0, 40)}" is not a finite number.`,
        )
      return parts.dateStyles.has(cell.style) ? excelSerialDate(n, parts.date1904) : n
    }
  }
}
