// The only I/O of the admin-unit concept: reading the CSV files bundled in `../data/`.
import { readFileSync } from "node:fs"
import { Result } from "effect"
import type { AdminUnitEvent } from "../events.ts"
import { type AdminUnitCsvFiles, loadAdminUnitEvents } from "./from-csv.ts"

const read = (file: string): string => readFileSync(new URL(`../data/${file}`, import.meta.url), "utf8")

/** The bundled CSV texts (Sơn La, Lai Châu, old Lào Cai and Yên Bái → new Lào Cai; 1 July 2025). */
export const readBundledAdminUnitCsv = (): AdminUnitCsvFiles => ({
  provinces: read("provinces-2025-07-01.csv"),
  units: read("units-2025-07-01.csv"),
  succession: read("succession-2025-07-01.csv"),
})

/** The bundled history as events; throws `AdminUnitDataError` if the bundled data is inconsistent. */
export const loadBundledAdminUnitEvents = (): ReadonlyArray<AdminUnitEvent> =>
  Result.getOrThrow(loadAdminUnitEvents(readBundledAdminUnitCsv()))
