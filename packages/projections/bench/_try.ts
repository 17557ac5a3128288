import { Generator } from "@xkld/domain"
import { openEventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { recordHistory } from "../src/demo/record-history.ts"
import { demoSeedRecordedAt, recordSeedDocuments } from "../src/demo/record-seed-documents.ts"
import { loadHistory } from "./load.ts"
const n = Number(process.argv[2] ?? 20000)
const mode = process.argv[3] ?? "batch"
const per = Number(process.argv[4] ?? 500)
process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test"
const log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
try {
  await recordSeedDocuments(log, demoSeedRecordedAt)
  const appends = [...Generator.generateHistory({ seed: 7, targetEvents: n, provinces: ["14"] })]
  const t = performance.now()
  const written = mode === "batch" ? await loadHistory(log, appends, { appendsPerTransaction: per, lanes: Number(process.argv[5] ?? 1) }) : await recordHistory(log, appends)
  const s = (performance.now() - t) / 1000
  console.log(mode, per, written, s.toFixed(1), Math.round(written / s), "events/s")
} finally { await log.close() }
