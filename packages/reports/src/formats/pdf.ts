import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import PDFDocument from "pdfkit"
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

/**
 * The report as PDF, laid out like the Word document. Times New Roman cannot be shipped, so the PDF embeds Noto
 * Serif (TrueType from the npm package @expo-google-fonts/noto-serif: full Vietnamese in regular, bold, italic),
 * subset and selectable. Creation and modification dates are the as-of instant, so the file ID and every byte
 * are the same for the same content.
 */

const require = createRequire(import.meta.url)
const fontDir = dirname(require.resolve("@expo-google-fonts/noto-serif/package.json"))
export const PDF_FONTS = {
  regular: join(fontDir, "400Regular/NotoSerif_400Regular.ttf"),
  bold: join(fontDir, "700Bold/NotoSerif_700Bold.ttf"),
  italic: join(fontDir, "400Regular_Italic/NotoSerif_400Regular_Italic.ttf"),
  boldItalic: join(fontDir, "700Bold_Italic/NotoSerif_700Bold_Italic.ttf"),
} as const
type FontName = keyof typeof PDF_FONTS

/**
 * The four fonts parsed once per process (fontkit, pdfkit's own font engine, which pdfkit accepts as a parsed
 * font): parsing ~2 MB of TrueType for every document was most of a small report's time. Each document still
 * makes its own subset of the glyphs it uses.
 */
const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as { create: (data: Uint8Array) => unknown }
let parsedFonts: Record<FontName, unknown> | undefined
const fonts = () =>
  (parsedFonts ??= Object.fromEntries(
    Object.entries(PDF_FONTS).map(([name, file]) => [name, fontkit.create(readFileSync(file))]),
  ) as Record<FontName, unknown>)

/**
 * Word layouts (OpenType shaping: fontkit's GSUB/GPOS lookups) shared by every document of the process, one cache
 * per font. pdfkit caches a word's layout per document only, so the 75 communes' files shaped the same words again
 * and shaping was most of a PDF's time. A word's layout is a function of the font and the word, and pdfkit copies a
 * cached run before changing it (its word spacing), so sharing changes no byte. Bounded: a full cache starts over.
 */
const LAYOUT_CACHE_LIMIT = 50_000
const layoutCaches = new Map<FontName, Record<string, unknown>>()
const sharedLayoutCache = (name: FontName) => {
  let cache = layoutCaches.get(name)
  if (cache === undefined || Object.keys(cache).length > LAYOUT_CACHE_LIMIT)
    layoutCaches.set(name, (cache = Object.create(null) as Record<string, unknown>))
  return cache
}

/**
 * Heights of wrapped text (pdfkit's `heightOfString`, which lays the text out line by line without drawing it),
 * shared by every document of the process: a function of the font, its size, the options and the text (the
 * documents set no line gap, character or word spacing), and measuring adds no glyph to a font's subset. A table
 * row measured each cell before drawing it, so every cell was laid out twice. Bounded like the layouts.
 */
const HEIGHT_CACHE_LIMIT = 50_000
let heights = new Map<string, number>()
const cachedHeight = (key: string, measure: () => number) => {
  let h = heights.get(key)
  if (h === undefined) {
    if (heights.size >= HEIGHT_CACHE_LIMIT) heights = new Map()
    heights.set(key, (h = measure()))
  }
  return h
}

const pt = (mm: number) => (mm / 25.4) * 72
const LEFT = pt(PAGE.leftMm)
const TOP = pt(PAGE.topMm)
const WIDTH = pt(PAGE.widthMm - PAGE.leftMm - PAGE.rightMm)
const BOTTOM = pt(PAGE.heightMm - PAGE.bottomMm)
const CELL_PAD = 3

export interface PdfLayout {
  /**
   * A table's title and header row start a page when its first row would not fit under them (content version 5;
   * before it a header could sit alone at a page's foot, its rows on the next page).
   */
  readonly headerWithFirstRow: boolean
}

/** The layout of a builder version (content/versions.ts): an issued report's file is laid out as it was. */
export const pdfLayoutOf = (contentVersion: number): PdfLayout => ({ headerWithFirstRow: contentVersion >= 5 })

export async function renderPdf(content: ReportContent, layout: PdfLayout): Promise<Uint8Array> {
  const pinned = new Date(content.asOf)
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: TOP, bottom: pt(PAGE.bottomMm), left: LEFT, right: pt(PAGE.rightMm) },
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: `${content.title} ${content.summary}`,
      Author: content.heading.agency,
      Subject: `${content.reporter.name} — ${content.period.label}`,
      Keywords: `as-of ${content.asOf}`,
      Producer: "XKLĐ reports",
      Creator: "XKLĐ reports",
      CreationDate: pinned,
      ModDate: pinned,
    },
  })
  for (const [name, font] of Object.entries(fonts())) doc.registerFont(name, font as never)
  const chunks: Buffer[] = []
  doc.on("data", (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()))

  const shared = new Map<FontName, Record<string, unknown>>()
  let current = ""
  const font = (name: FontName, size: number) => {
    doc.font(name).fontSize(size)
    current = `${name}\u0000${size}`
    // pdfkit opens a font on its first use (which fixes its id in the file): share its layouts from then on
    const opened = (doc as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font
    let cache = shared.get(name)
    if (cache === undefined) shared.set(name, (cache = sharedLayoutCache(name)))
    if (opened.layoutCache !== cache) opened.layoutCache = cache
    return doc
  }
  /** The height of `text` in the current font and size, laid out with `options` (see `cachedHeight`). */
  const heightOf = (text: string, options: { width: number; indent?: number; align?: "justify" }) =>
    cachedHeight(
      `${current}\u0000${options.width}\u0000${options.indent ?? ""}\u0000${options.align ?? ""}\u0000${text}`,
      () => doc.heightOfString(text, options),
    )
  const ensure = (height: number) => {
    if (doc.y + height > BOTTOM) {
      doc.addPage()
      doc.y = TOP
    }
  }
  const centredAt = (text: string, x: number, width: number, name: FontName, size: number) => {
    font(name, size)
    doc.text(text, x, doc.y, { width, align: "center" })
  }
  const ruleAt = (x: number, width: number, length: number, gap = 3) => {
    const y = doc.y + gap
    doc
      .moveTo(x + (width - length) / 2, y)
      .lineTo(x + (width + length) / 2, y)
      .lineWidth(0.6)
      .stroke()
    doc.y = y + 4
  }

  // Heading block: agency left, national motto right.
  const lines = headingLines(content)
  const leftW = WIDTH * 0.4
  const rightX = LEFT + leftW
  const rightW = WIDTH - leftW
  doc.y = TOP
  if (lines.parentAgency) centredAt(lines.parentAgency, LEFT, leftW, "regular", FONT_SIZES.agency)
  centredAt(lines.agency, LEFT, leftW, "bold", FONT_SIZES.agency)
  ruleAt(LEFT, leftW, leftW * 0.35)
  centredAt(lines.number, LEFT, leftW, "regular", 13)
  const leftBottom = doc.y
  doc.y = TOP
  centredAt(MOTTO, rightX, rightW, "bold", 12)
  centredAt(MOTTO_LINE, rightX, rightW, "bold", 13)
  font("bold", 13)
  ruleAt(rightX, rightW, doc.widthOfString(MOTTO_LINE))
  centredAt(lines.placeDate, rightX, rightW, "italic", 13)
  doc.y = Math.max(leftBottom, doc.y) + 18

  centredAt(content.title, LEFT, WIDTH, "bold", FONT_SIZES.heading)
  centredAt(content.summary, LEFT, WIDTH, "bold", FONT_SIZES.heading)
  ruleAt(LEFT, WIDTH, WIDTH * 0.25, 6)
  doc.y += 6

  const paragraph = (text: string, name: FontName = "regular", size: number = FONT_SIZES.body) => {
    font(name, size)
    const h = heightOf(text, { width: WIDTH, indent: pt(12.7), align: "justify" })
    ensure(Math.min(h, 60))
    doc.text(text, LEFT, doc.y, { width: WIDTH, indent: pt(12.7), align: "justify", paragraphGap: 3 })
  }

  const table = (t: Table) => {
    const columns = columnsWithRef(t)
    const total = columns.reduce((s, c) => s + c.width, 0)
    const widths = columns.map((c) => (c.width / total) * WIDTH)
    const size = FONT_SIZES.table - 1
    const rowHeight = (cells: ReadonlyArray<string>, name: FontName) => {
      font(name, size)
      return (
        Math.max(...cells.map((text, i) => heightOf(text || " ", { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD
      )
    }
    const drawRow = (cells: ReadonlyArray<string>, name: FontName, header: boolean) => {
      const h = rowHeight(cells, name)
      if (doc.y + h > BOTTOM) {
        doc.addPage()
        doc.y = TOP
        if (!header)
          drawRow(
            columns.map((c) => c.label),
            "bold",
            true,
          )
      }
      const y = doc.y
      let x = LEFT
      cells.forEach((text, i) => {
        const w = widths[i]!
        doc.rect(x, y, w, h).lineWidth(0.5).stroke()
        font(name, size)
        const align = header ? "center" : columns[i]!.kind === "text" ? "left" : "right"
        doc.text(text, x + CELL_PAD, y + CELL_PAD, { width: w - 2 * CELL_PAD, align })
        x += w
      })
      doc.y = y + h
    }
    const rows = printedRows(t)
    if (layout.headerWithFirstRow) {
      const first = rows[0]
      font("bold", FONT_SIZES.table)
      const title = t.title ? heightOf(t.title, { width: WIDTH }) : 0
      const header = rowHeight(
        columns.map((c) => c.label),
        "bold",
      )
      const row = first ? rowHeight(first.cells, first.total ? "bold" : "regular") : 0
      ensure(Math.max(60, title + 2 + header + row))
    } else ensure(60)
    centredAt(t.title, LEFT, WIDTH, "bold", FONT_SIZES.table)
    doc.y += 2
    drawRow(
      columns.map((c) => c.label),
      "bold",
      true,
    )
    for (const r of rows) drawRow(r.cells, r.total ? "bold" : "regular", false)
    if (t.note) {
      doc.y += 2
      font("italic", FONT_SIZES.recipients)
      doc.text(t.note, LEFT, doc.y, { width: WIDTH })
    }
    doc.y += 6
  }

  for (const section of content.sections) {
    ensure(40)
    font("bold", FONT_SIZES.body)
    doc.text(section.heading, LEFT, doc.y + 4, { width: WIDTH })
    doc.y += 2
    for (const p of section.paragraphs) paragraph(p)
    for (const t of section.tables) table(t)
  }

  // Signature block: recipients left, signer right.
  ensure(130)
  doc.y += 10
  const top = doc.y
  const half = WIDTH / 2
  font("boldItalic", FONT_SIZES.recipientsTitle)
  doc.text("Nơi nhận:", LEFT, top, { width: half })
  font("regular", FONT_SIZES.recipients)
  for (const r of content.recipients) doc.text(`- ${r}`, LEFT, doc.y, { width: half })
  const leftEnd = doc.y
  doc.y = top
  if (content.signer) {
    centredAt(content.signer.authority.toLocaleUpperCase("vi"), LEFT + half, half, "bold", FONT_SIZES.body)
    centredAt(content.signer.position.toLocaleUpperCase("vi"), LEFT + half, half, "bold", FONT_SIZES.body)
    doc.y += 60
    centredAt(content.signer.name, LEFT + half, half, "bold", FONT_SIZES.body)
  } else {
    centredAt("NGƯỜI KÝ", LEFT + half, half, "bold", FONT_SIZES.body)
    centredAt("(ký, ghi rõ họ tên)", LEFT + half, half, "italic", FONT_SIZES.body)
  }
  doc.y = Math.max(doc.y, leftEnd)

  // Lineage appendix on its own page.
  doc.addPage()
  doc.y = TOP
  centredAt(APPENDIX_TITLE, LEFT, WIDTH, "bold", FONT_SIZES.body)
  doc.y += 4
  paragraph(APPENDIX_NOTE, "regular", FONT_SIZES.table)
  table({
    id: "phu-luc",
    title: "",
    columns: [
      { label: "Số liệu", kind: "text", width: 30 },
      { label: "Truy vấn nguồn gốc", kind: "text", width: 62 },
    ],
    rows: lineageRows(content).map((a) => ({
      ref: a.ref,
      key: a.label,
      cells: [a.label, a.lineage],
      lineage: null,
      scope: { kind: "province" },
    })),
  })

  // Page numbers centred in the top margin, from page 2 (NĐ 30/2020).
  const range = doc.bufferedPageRange()
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    font("regular", 13)
    doc.text(String(i + 1), LEFT, pt(8), { width: WIDTH, align: "center", lineBreak: false })
  }
  doc.end()
  await done
  return new Uint8Array(Buffer.concat(chunks))
}
