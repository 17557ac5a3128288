import { constants, crc32, deflateRawSync } from "node:zlib"

/**
 * Hand-made .xlsx files for the import tests: the zip container written here byte by byte, so a test can make
 * what no spreadsheet program writes — an entry that lies about its size, a sheet that inflates to a gigabyte,
 * hundreds of entries, cells with formulas and no result, NaN, control characters, merged ranges.
 */

export interface ZipPart {
  readonly name: string
  /** The entry's content; deflated here. */
  readonly data?: Uint8Array | string
  /** Or its deflated bytes as given, with the uncompressed size the entry declares (true or not). */
  readonly deflated?: { readonly bytes: Uint8Array; readonly declaredSize: number }
}

const bytesOf = (data: Uint8Array | string) => (typeof data === "string" ? Buffer.from(data, "utf8") : data)

/** A zip archive of `parts`, deflated, with a correct central directory. */
export function zipOf(parts: ReadonlyArray<ZipPart>): Uint8Array {
  const locals: Array<Buffer> = []
  const centrals: Array<Buffer> = []
  let offset = 0
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8")
    const raw = part.data === undefined ? undefined : bytesOf(part.data)
    const compressed = part.deflated ? part.deflated.bytes : deflateRawSync(raw!)
    const size = part.deflated ? part.deflated.declaredSize : raw!.length
    const crc = raw ? crc32(raw) : 0
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x800, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, Buffer.from(compressed))
    centrals.push(central, name)
    offset += 30 + name.length + compressed.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, cd, end]))
}

const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")

/** A cell: text (inline string), a number, or raw XML for the `<c>` element's attributes and content. */
export type CellSpec = string | number | null | { readonly t?: string; readonly s?: number; readonly xml: string }

export const columnLetter = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26))

/** The `<row>` elements of `rows`, the first being row `from`. */
export function rowsXml(rows: ReadonlyArray<ReadonlyArray<CellSpec>>, from = 1): string {
  return rows
    .map((cells, i) => {
      const r = from + i
      const xml = cells
        .map((cell, j) => {
          const ref = `${columnLetter(j + 1)}${r}`
          if (cell === null) return ""
          if (typeof cell === "number") return `<c r="${ref}"><v>${cell}</v></c>`
          if (typeof cell === "string") return `<c r="${ref}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`
          const t = cell.t ? ` t="${cell.t}"` : ""
          const s = cell.s !== undefined ? ` s="${cell.s}"` : ""
          return `<c r="${ref}"${t}${s}>${cell.xml}</c>`
        })
        .join("")
      return `<row r="${r}">${xml}</row>`
    })
    .join("")
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${NS}" xmlns:r="${REL}"><sheetData>`
export const SHEET_TAIL = "</sheetData></worksheet>"

/**
 * Cell formats of the workbook: index 0 general, 1 a date (built-in format 14), 2 a custom dd/mm/yyyy date,
 * 3 text (`@`).
 */
export const STYLE = { general: 0, date: 1, customDate: 2, text: 3 } as const
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="49"/></cellXfs></styleSheet>`

export interface WorkbookSpec {
  /** The sheet's XML, or its rows; or the sheet already deflated (a bomb). */
  readonly sheet: string | ReadonlyArray<ReadonlyArray<CellSpec>> | NonNullable<ZipPart["deflated"]>
  /** Appended after `</sheetData>`, e.g. `<mergeCells>…</mergeCells>`. */
  readonly afterRows?: string
  readonly date1904?: boolean
  readonly extraParts?: ReadonlyArray<ZipPart>
}

/** A valid .xlsx with one sheet "DS" (plus whatever `extraParts` adds). */
export function workbookOf(spec: WorkbookSpec): Uint8Array {
  const sheet: ZipPart =
    typeof spec.sheet === "string"
      ? { name: "xl/worksheets/sheet1.xml", data: spec.sheet }
      : Array.isArray(spec.sheet)
        ? {
            name: "xl/worksheets/sheet1.xml",
            data: SHEET_HEAD + rowsXml(spec.sheet) + "</sheetData>" + (spec.afterRows ?? "") + "</worksheet>",
          }
        : { name: "xl/worksheets/sheet1.xml", deflated: spec.sheet as NonNullable<ZipPart["deflated"]> }
  return zipOf([
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL}"><workbookPr${spec.date1904 ? ' date1904="1"' : ""}/><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    },
    { name: "xl/styles.xml", data: STYLES },
    sheet,
    ...(spec.extraParts ?? []),
  ])
}

/**
 * A deflate stream of `prefix`, then `copies` MiB of spaces, then `suffix`, built without ever holding the
 * inflated text: each MiB is deflated once with a full flush (byte-aligned, dictionary reset), so its bytes
 * can be repeated. A gigabyte of sheet XML in about a megabyte.
 */
export function deflatedBomb(prefix: string, copies: number, suffix: string): { bytes: Uint8Array; size: number } {
  const flush = { finishFlush: constants.Z_FULL_FLUSH }
  const head = deflateRawSync(Buffer.from(prefix), flush)
  const mib = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), flush)
  const tail = deflateRawSync(Buffer.from(suffix))
  const bytes = Buffer.concat([head, ...Array.from({ length: copies }, () => mib), tail])
  return {
    bytes: new Uint8Array(bytes),
    size: Buffer.byteLength(prefix) + copies * 1024 * 1024 + Buffer.byteLength(suffix),
  }
}
