import type { ReactNode } from "react"
import { useI18n } from "../i18n/i18n.tsx"

/** One column of a list: its header and what each row shows in it (the first column heads its row). */
export interface Column<T> {
  readonly header: string
  readonly cell: (row: T) => ReactNode
  readonly numeric?: boolean
}

/**
 * The lists' table (enterprises, tasks, reporting obligations): a caption for screen readers, column headers, the
 * first cell of each row as its row header.
 */
export function ListTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  testId,
}: {
  caption: string
  columns: ReadonlyArray<Column<T> | false>
  rows: ReadonlyArray<T>
  rowKey: (row: T) => string
  testId?: string
}) {
  const shown = columns.filter((c): c is Column<T> => c !== false)
  return (
    <div className="overflow-x-auto">
      <table className="table bg-white" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? "whitespace-nowrap text-right" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-row-key={rowKey(row)} className="align-top">
              {shown.map((c, index) =>
                index === 0 ? (
                  <th key={c.header} scope="row">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={c.numeric ? "text-right tabular-nums" : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A status as a short badge: its words in the interface's language on a colour of enough contrast. */
export function Badge({ vi, en, style, glyph }: { vi: string; en: string; style: string; glyph?: string }) {
  const { language } = useI18n()
  return (
    <span className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${style}`}>
      {glyph && <span aria-hidden="true">{glyph} </span>}
      {language === "en" ? en : vi}
    </span>
  )
}
