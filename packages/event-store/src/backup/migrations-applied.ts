import { sql, type Kysely } from "kysely"

/** The names of the migrations applied in this database, every migrator's (kysely's `*_migration` tables). */
export async function appliedMigrations(db: Kysely<any>): Promise<ReadonlyArray<string>> {
  const { rows: tables } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_name LIKE '%\\_migrations' ORDER BY table_name`.execute(db)
  const names: string[] = []
  for (const { name } of tables) {
    const { rows } = await sql<{ name: string }>`SELECT name FROM ${sql.table(name)} ORDER BY name`.execute(db)
    names.push(...rows.map((r) => `${name}:${r.name}`))
  }
  return names
}
