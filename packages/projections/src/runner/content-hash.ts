import { createHash } from "node:crypto"
import { sql, type Kysely } from "kysely"
import type { TableNames } from "./projection.ts"

/**
 * A sha256 over the contents of a projection's tables, independent of the generation (tables are
 * named by their logical name) and of row order: each row is rendered by `row_to_json` and the rows
 * are sorted by code unit in JavaScript, so the collation and the column types do not matter.
 * Equal hashes = equal contents (the tables come from the same `createTables`, same column order).
 */
export async function contentHash(db: Kysely<any>, names: TableNames): Promise<string> {
  const hash = createHash("sha256")
  for (const logical of Object.keys(names).toSorted()) {
    const { rows } = await sql<{
      j: string
    }>`SELECT row_to_json(t)::text AS j FROM ${sql.table(names[logical]!)} AS t`.execute(db)
    const lines = rows.map((r) => r.j).toSorted((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    hash.update(`table ${logical} rows ${lines.length}\n`)
    for (const line of lines) hash.update(`${line}\n`)
  }
  return hash.digest("hex")
}
