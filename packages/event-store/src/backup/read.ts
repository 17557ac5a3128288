import { createReadStream } from "node:fs"
import { createInterface } from "node:readline"
import { createGunzip } from "node:zlib"
import type { BackupHeader, SectionLine, TrailerLine } from "./format.ts"

export type BackupLine =
  | { readonly kind: "header"; readonly header: BackupHeader; readonly text: string }
  | { readonly kind: "section"; readonly section: SectionLine; readonly text: string }
  | { readonly kind: "row"; readonly table: string; readonly text: string }
  | { readonly kind: "trailer"; readonly trailer: TrailerLine }

export class MalformedBackup extends Error {}

/**
 * The lines of a backup file, each told by its place, not its look: the header, then for each table of the header
 * its section line and exactly that many row lines, then the trailer. A row is never taken for a section or the
 * trailer whatever its columns are called; anything out of place is `MalformedBackup`.
 */
export async function* readBackupLines(file: string): AsyncGenerator<BackupLine> {
  const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity })
  let header: BackupHeader | undefined
  let section = -1
  let remaining = 0
  let ended = false
  for await (const text of input) {
    if (ended) throw new MalformedBackup("data after the trailer")
    if (!header) {
      header = JSON.parse(text) as BackupHeader
      if (!Array.isArray(header.tables)) throw new MalformedBackup("no table list in the header")
      yield { kind: "header", header, text }
    } else if (remaining > 0) {
      remaining--
      yield { kind: "row", table: header.tables[section]!.table, text }
    } else if (section + 1 < header.tables.length) {
      section++
      const line = JSON.parse(text) as SectionLine
      const expected = header.tables[section]!
      if (line.table !== expected.table || line.rows !== expected.rows)
        throw new MalformedBackup(`section ${line.table} where ${expected.table} was expected`)
      remaining = line.rows
      yield { kind: "section", section: line, text }
    } else {
      const trailer = JSON.parse(text) as TrailerLine
      if (trailer.end !== true) throw new MalformedBackup("no trailer after the last table")
      ended = true
      yield { kind: "trailer", trailer }
    }
  }
}
