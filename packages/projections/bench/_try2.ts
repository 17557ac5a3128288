import { Generator } from "@xkld/domain"
import { openEventLog } from "@xkld/event-store"
import { openTestDatabase } from "@xkld/event-store/testing"
import { createReadModels } from "../src/index.ts"
import { demoSeedRecordedAt, recordSeedDocuments } from "../src/demo/record-seed-documents.ts"
import { loadHistory } from "./load.ts"
const n = Number(process.argv[2] ?? 20000)
const batch = Number(process.argv[3] ?? 1000)
process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test"
const log = await openEventLog(await openTestDatabase(), { allowRecordedAt: true })
try {
  await recordSeedDocuments(log, demoSeedRecordedAt)
  const written = await loadHistory(log, Generator.generateHistory({ seed: 7, targetEvents: n, provinces: ["14"] }), 500)
  let t = performance.now()
  const models = createReadModels(log, { batchSize: batch })
  await models.runner.start()
  await models.runner.caughtUp()
  let s = (performance.now() - t) / 1000
  console.log("start+caughtUp", written, s.toFixed(1), Math.round(written / s), "events/s")
  for (const name of ["workers", "plans", "enterprises", "plan_tasks", "reporting"]) {
    t = performance.now()
    await models.runner.rebuild(name)
    console.log("rebuild", name, ((performance.now() - t) / 1000).toFixed(2))
  }
  t = performance.now()
  let c = 0
  for await (const b of log.readAll({ batchSize: 5000 })) c += b.length
  s = (performance.now() - t) / 1000
  console.log("readAll", c, s.toFixed(2), Math.round(c / s))
  const { rows } = await log.database.db.executeQuery({ sql: "select stream_type, count(*) from es_events group by 1 order by 2 desc", parameters: [], query: {} as any } as any)
  console.log(rows)
  await models.runner.stop()
} finally { await log.close() }
