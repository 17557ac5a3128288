import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
} from "docx"
import type { ReportContent, Table } from "../content/model.ts"
import {
  APPENDIX_NOTE,
  APPENDIX_TITLE,
  columnsWithRef,
  FONT_SIZES,
  headingLines,
  lineageRows,
  MOTTO,
  MOTTO_LINE,
  PAGE,
  printedRows,
} from "./layout.ts"
import { pinZip, zipPinned } from "./zip.ts"

/** Twentieths of a point (DXA): Word's unit for page sizes, margins and table widths. */
const dxa = (mm: number) => Math.ceil((mm / 25.4) * 1440)
const TEXT_WIDTH = dxa(PAGE.widthMm) - dxa(PAGE.leftMm) - dxa(PAGE.rightMm)
const FONT = "Times New Roman"
const half = (pt: number) => pt * 2

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
}

interface RunStyle {
  readonly bold?: boolean
  readonly italics?: boolean
  readonly size?: number
}
const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: half(style.size ?? FONT_SIZES.body), bold: style.bold, italics: style.italics })

const para = (text: string, style: RunStyle = {}, options: Partial<IParagraphOptions> = {}) =>
  new Paragraph({ children: [run(text, style)], spacing: { before: 0, after: 0 }, ...options })

const centred = (text: string, style: RunStyle = {}, options: Partial<IParagraphOptions> = {}) =>
  para(text, style, { alignment: AlignmentType.CENTER, ...options })

/** A short rule under a centred line: a bottom border on a paragraph indented from both sides. */
const rule = (indent: number) =>
  new Paragraph({
    children: [],
    spacing: { before: 0, after: 120 },
    indent: { left: indent, right: indent },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
  })

const cell = (children: Paragraph[], width: number, borders?: typeof NO_BORDERS) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...(borders ? { borders } : {}) })

/** Two columns without borders (the heading block, the signature block), widths explicit for every reader. */
const twoColumns = (left: Paragraph[], right: Paragraph[], leftShare: number) => {
  const widths = [Math.round(TEXT_WIDTH * leftShare), TEXT_WIDTH - Math.round(TEXT_WIDTH * leftShare)]
  return new DocxTable({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, widths[0]!, NO_BORDERS), cell(right, widths[1]!, NO_BORDERS)] })],
  })
}

function headingBlock(content: ReportContent) {
  const lines = headingLines(content)
  const left = [
    ...(lines.parentAgency ? [centred(lines.parentAgency, { size: FONT_SIZES.agency })] : []),
    centred(lines.agency, { bold: true, size: FONT_SIZES.agency }),
    rule(900),
    centred(lines.number, { size: 13 }),
  ]
  const right = [
    centred(MOTTO, { bold: true, size: FONT_SIZES.motto }),
    centred(MOTTO_LINE, { bold: true, size: 14 }),
    rule(1100),
    centred(lines.placeDate, { italics: true, size: 14 }),
  ]
  return twoColumns(left, right, 0.38)
}

function dataTable(table: Table) {
  const columns = columnsWithRef(table)
  const widths = tableWidths(table)
  const line = (texts: ReadonlyArray<string>, bold: boolean, header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: texts.map((text, i) =>
        cell(
          [
            para(
              text,
              { bold, size: FONT_SIZES.table },
              {
                alignment: header
                  ? AlignmentType.CENTER
                  : columns[i]!.kind === "text"
                    ? AlignmentType.LEFT
                    : AlignmentType.RIGHT,
              },
            ),
          ],
          widths[i]!,
        ),
      ),
    })
  return new DocxTable({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      line(
        columns.map((c) => c.label),
        true,
        true,
      ),
      ...printedRows(table).map((r) => line(r.cells, r.total, false)),
    ],
  })
}

const bodyParagraph = (text: string) =>
  para(
    text,
    {},
    { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: dxa(12.7) }, spacing: { before: 60, after: 60 } },
  )

function signatureBlock(content: ReportContent) {
  const left = [
    para("Nơi nhận:", { bold: true, italics: true, size: FONT_SIZES.recipientsTitle }),
    ...content.recipients.map((r) => para(`- ${r}`, { size: FONT_SIZES.recipients })),
  ]
  const signer = content.signer
  const right = signer
    ? [
        centred(signer.authority.toLocaleUpperCase("vi"), { bold: true }),
        centred(signer.position.toLocaleUpperCase("vi"), { bold: true }),
        centred(""),
        centred(""),
        centred(""),
        centred(signer.name, { bold: true }),
      ]
    : [centred("NGƯỜI KÝ", { bold: true }), centred("(ký, ghi rõ họ tên)", { italics: true })]
  return twoColumns(left, right, 0.5)
}

/**
 * The document's parts by path, in the order `Packer` zips them. `Packer.toBuffer` deflates every part and the
 * re-pack that pins the dates inflated and deflated them again (a third of a DOCX's time); its compiler gives the
 * parts themselves. The compiler is docx's own (private in its types; the version is pinned, ADR 0020): if it is
 * ever missing, the packed file is re-packed as before, which gives the same bytes.
 */
type Compiler = { compile?: (doc: Document) => Map<string, Uint8Array | string>; numberingReplacer?: unknown }
const compiler = (Packer as unknown as { compiler?: Compiler }).compiler
export const packedParts = async (doc: Document, pinned: Date): Promise<Uint8Array> =>
  typeof compiler?.compile === "function"
    ? zipPinned(compiler.compile(doc), pinned)
    : pinZip(await Packer.toBuffer(doc), pinned)

/**
 * The report as a Word document laid out under Nghị định 30/2020/NĐ-CP; the same bytes for the same content.
 *
 * The same document as `docxDocument`, byte for byte, faster: docx's object model (an object per element, then its
 * formatter) was most of a DOCX's time, and nearly all of it the data tables' cells. The tables are compiled as
 * placeholder paragraphs and their XML, written directly as docx writes it (`tableXml`), put in their places in
 * `word/document.xml`; everything else is docx's own. `test/format-bytes.int.test.ts` holds the two paths equal.
 */
export async function renderDocx(content: ReportContent): Promise<Uint8Array> {
  const parts = directParts(content)
  return parts ? zipPinned(parts, new Date(content.asOf)) : packedParts(docxDocument(content), new Date(content.asOf))
}

/** The document's parts with the tables written directly; undefined where only the object model can make them. */
export function directParts(content: ReportContent): Map<string, Uint8Array | string> | undefined {
  if (typeof compiler?.compile !== "function") return undefined
  const tables: Table[] = []
  const doc = documentOf(content, (t) => {
    tables.push(t)
    return new Paragraph({ children: [new TextRun(`${TABLE_MARK}${tables.length - 1}`)] })
  })
  const parts = compiler.compile(doc)
  const xml = parts.get("word/document.xml")
  const replace = replacerOf(doc)
  const placed = typeof xml === "string" && replace ? withTables(xml, tables, replace) : undefined
  if (placed === undefined) return undefined
  parts.set("word/document.xml", placed)
  return parts
}

/**
 * The placeholder of the data table number `i`: a paragraph of one run (no properties) whose text is this private
 * mark. Content text cannot give the same XML: its paragraphs and runs always have properties.
 */
const TABLE_MARK = "\uE000xkld-table-"
const placeholderXml = (i: number) => `<w:p><w:r><w:t xml:space="preserve">${TABLE_MARK}${i}</w:t></w:r></w:p>`

/**
 * docx rewrites `word/document.xml` after formatting it for images (none in a report: anything else goes through
 * the object model) and numbered lists: its `{reference-instance}` placeholders replaced by ids, which the tables'
 * XML gets from the same replacer, so that a cell reading like one becomes what it became before.
 */
interface CompiledFile {
  readonly Media?: { readonly Entries?: ReadonlyArray<unknown> }
  readonly Numbering?: { readonly ConcreteNumbering?: ReadonlyArray<unknown> }
}
const numberingReplacer = (compiler as { numberingReplacer?: { replace?: unknown } } | undefined)?.numberingReplacer
const replacerOf = (doc: Document): ((xml: string) => string) | undefined => {
  const file = doc as unknown as CompiledFile
  const numbering = file.Numbering?.ConcreteNumbering
  if (file.Media?.Entries?.length !== 0 || numbering === undefined || typeof numberingReplacer?.replace !== "function")
    return undefined
  const replace = numberingReplacer.replace as (xml: string, numbering: ReadonlyArray<unknown>) => string
  return (xml) => replace.call(numberingReplacer, xml, numbering)
}

/** The document's XML with each placeholder replaced by its table; undefined if one is not found once, in order. */
function withTables(xml: string, tables: ReadonlyArray<Table>, replace: (xml: string) => string): string | undefined {
  const out: string[] = []
  let from = 0
  for (let i = 0; i < tables.length; i++) {
    const mark = placeholderXml(i)
    const at = xml.indexOf(mark, from)
    if (at < 0 || xml.indexOf(mark, at + mark.length) >= 0) return undefined
    out.push(xml.slice(from, at), replace(tableXml(tables[i]!)))
    from = at + mark.length
  }
  out.push(xml.slice(from))
  return out.join("")
}

/** docx's escaping of text and attribute values (its `escapeAll`): five entities, control characters dropped. */
const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" }
const escapeXml = (value: string) =>
  // eslint-disable-next-line no-control-regex
  value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? "")

const RUN_FONTS = `<w:rFonts w:ascii="${FONT}" w:cs="${FONT}" w:eastAsia="${FONT}" w:hAnsi="${FONT}"/>`
const TABLE_SIZE = `<w:sz w:val="${half(FONT_SIZES.table)}"/><w:szCs w:val="${half(FONT_SIZES.table)}"/>`
const BOLD_RUN = `<w:r><w:rPr>${RUN_FONTS}<w:b/><w:bCs/>${TABLE_SIZE}</w:rPr><w:t xml:space="preserve">`
const PLAIN_RUN = `<w:r><w:rPr>${RUN_FONTS}<w:b w:val="false"/><w:bCs w:val="false"/>${TABLE_SIZE}</w:rPr><w:t xml:space="preserve">`
const SINGLE = `w:val="single" w:color="auto" w:sz="4"`
const TABLE_PROPERTIES = (width: number) =>
  `<w:tblPr><w:tblW w:type="dxa" w:w="${width}"/><w:tblBorders><w:top ${SINGLE}/><w:left ${SINGLE}/><w:bottom ${SINGLE}/><w:right ${SINGLE}/><w:insideH ${SINGLE}/><w:insideV ${SINGLE}/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>`

/** The column widths of a data table in DXA: shares of the text width, the rounding left to the first column. */
function tableWidths(table: Table): number[] {
  const columns = columnsWithRef(table)
  const total = columns.reduce((s, c) => s + c.width, 0)
  const widths = columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH))
  widths[0]! += TEXT_WIDTH - widths.reduce((s, w) => s + w, 0)
  return widths
}

/**
 * A data table's XML exactly as docx writes `dataTable(table)`: the same elements, attributes in the same order,
 * the same escaping. Explicit widths (table, grid, every cell) and the fixed layout, for Word and LibreOffice.
 */
export function tableXml(table: Table): string {
  const columns = columnsWithRef(table)
  const widths = tableWidths(table)
  const cellStart = (i: number, align: string) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${widths[i]}"/></w:tcPr><w:p><w:pPr><w:spacing w:after="0" w:before="0"/><w:jc w:val="${align}"/></w:pPr>`
  const headerCells = columns.map((_, i) => cellStart(i, "center"))
  const bodyCells = columns.map((c, i) => cellStart(i, c.kind === "text" ? "left" : "right"))
  const CELL_END = "</w:t></w:r></w:p></w:tc>"
  const out: string[] = [`<w:tbl>${TABLE_PROPERTIES(TEXT_WIDTH)}<w:tblGrid>`]
  for (const w of widths) out.push(`<w:gridCol w:w="${w}"/>`)
  out.push("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
  columns.forEach((c, i) => out.push(headerCells[i]!, BOLD_RUN, escapeXml(c.label), CELL_END))
  out.push("</w:tr>")
  for (const row of printedRows(table)) {
    out.push('<w:tr><w:trPr><w:cantSplit/><w:tblHeader w:val="off"/></w:trPr>')
    const rowRun = row.total ? BOLD_RUN : PLAIN_RUN
    row.cells.forEach((text, i) => out.push(bodyCells[i]!, rowRun, escapeXml(text), CELL_END))
    out.push("</w:tr>")
  }
  out.push("</w:tbl>")
  return out.join("")
}

/** The report's Word document, before it is packed: docx's object model of every element. */
export const docxDocument = (content: ReportContent): Document => documentOf(content, dataTable)

/** The document, each data table given by `tableOf` (its object model, or a placeholder `renderDocx` fills). */
function documentOf(content: ReportContent, tableOf: (table: Table) => Paragraph | DocxTable): Document {
  const children: Array<Paragraph | DocxTable> = [
    headingBlock(content),
    centred("", {}, { spacing: { before: 240, after: 0 } }),
    centred(content.title, { bold: true, size: FONT_SIZES.heading }),
    centred(content.summary, { bold: true, size: FONT_SIZES.heading }),
    rule(3200),
  ]
  for (const section of content.sections) {
    children.push(para(section.heading, { bold: true }, { spacing: { before: 180, after: 60 }, keepNext: true }))
    for (const p of section.paragraphs) children.push(bodyParagraph(p))
    for (const t of section.tables) {
      children.push(
        centred(
          t.title,
          { bold: true, size: FONT_SIZES.table },
          { spacing: { before: 120, after: 60 }, keepNext: true },
        ),
      )
      children.push(tableOf(t))
      if (t.note)
        children.push(
          para(t.note, { italics: true, size: FONT_SIZES.recipients }, { spacing: { before: 40, after: 60 } }),
        )
    }
  }
  children.push(centred("", {}, { spacing: { before: 240, after: 0 } }))
  children.push(signatureBlock(content))
  const appendix = lineageRows(content)
  children.push(centred(APPENDIX_TITLE, { bold: true }, { pageBreakBefore: true, spacing: { before: 0, after: 120 } }))
  children.push(bodyParagraph(APPENDIX_NOTE))
  children.push(
    tableOf({
      id: "phu-luc",
      title: APPENDIX_TITLE,
      columns: [
        { label: "Số liệu", kind: "text", width: 30 },
        { label: "Truy vấn nguồn gốc", kind: "text", width: 62 },
      ],
      rows: appendix.map((a) => ({
        ref: a.ref,
        key: a.label,
        cells: [a.label, a.lineage],
        lineage: null,
        scope: { kind: "province" },
      })),
    }),
  )

  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: half(13) })],
      }),
    ],
  })
  const doc = new Document({
    creator: content.heading.agency,
    title: `${content.title} ${content.summary}`,
    description: `Số liệu ghi nhận đến ${content.asOf}`,
    styles: { default: { document: { run: { font: FONT, size: half(FONT_SIZES.body) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: dxa(PAGE.widthMm), height: dxa(PAGE.heightMm) },
            margin: {
              top: dxa(PAGE.topMm),
              bottom: dxa(PAGE.bottomMm),
              left: dxa(PAGE.leftMm),
              right: dxa(PAGE.rightMm),
              header: dxa(10),
              footer: dxa(10),
            },
          },
        },
        headers: { default: pageNumber, first: new Header({ children: [] }) },
        footers: { default: new Footer({ children: [] }) },
        children,
      },
    ],
  })
  return doc
}
