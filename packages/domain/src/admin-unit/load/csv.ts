/**
 * A small RFC 4180 reader: comma-separated, double-quoted fields may hold commas, newlines and "" for a quote.
 * Returns one record per data row keyed by the header; blank lines are skipped.
 */
export const parseCsv = (text: string): ReadonlyArray<Readonly<Record<string, string>>> => {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ""
  let quoted = false
  const source = text.replace(/^\uFEFF/, "")
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ",") {
      row.push(field)
      field = ""
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++
      row.push(field)
      rows.push(row)
      row = []
      field = ""
    } else field += ch
  }
  if (quoted) throw new Error("CSV: unterminated quoted field")
  if (field !== "" || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  const [header, ...data] = rows.filter((r) => !(r.length === 1 && r[0] === ""))
  if (header === undefined) return []
  return data.map((cells, index) => {
    if (cells.length !== header.length)
      throw new Error(`CSV: row ${index + 2} has ${cells.length} fields, header has ${header.length}`)
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]))
  })
}
