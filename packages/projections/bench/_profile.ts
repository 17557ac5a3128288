import { Generator } from "@xkld/domain"
import { openEventLog } from "@xkld/event-store"
import { demoSeedRecordedAt, recordSeedDocuments } from "../src/demo/record-seed-documents.ts"
import { createReadModels } from "../src/index.ts"
import { loadHistory } from "./load.ts"
import { freshPostgres, ownerQuery } from "./targets.ts"
import { Session } from "node:inspector/promises"
import { writeFile } from "node:fs/promises"
const n = Number(process.argv[2] ?? 50000)
const log = await openEventLog(await freshPostgres("postgres://postgres@127.0.0.1:5432/test"), { allowRecordedAt: true })
try {
  await recordSeedDocuments(log, demoSeedRecordedAt)
  await loadHistory(log, Generator.generateHistory({ seed: 7, targetEvents: n, provinces: ["14"] }), { appendsPerTransaction: 500, lanes: 2 })
  await ownerQuery(log.database, "VACUUM ANALYZE es_events")
  const session = new Session(); session.connect(); await session.post("Profiler.enable"); await session.post("Profiler.setSamplingInterval", { interval: 200 }); await session.post("Profiler.start")
  const cpu0 = process.cpuUsage(); const t = performance.now()
  const models = createReadModels(log, process.argv[3] ? { batchSize: Number(process.argv[3]) } : {})
  await models.runner.start(); await models.runner.caughtUp()
  const wall = (performance.now() - t) / 1000; const cpu = process.cpuUsage(cpu0)
  const { profile } = await session.post("Profiler.stop")
  await writeFile("/tmp/rebuild.cpuprofile", JSON.stringify(profile))
  console.log(`rebuild ${n}: wall ${wall.toFixed(1)} s, node cpu user ${(cpu.user / 1e6).toFixed(1)} s sys ${(cpu.system / 1e6).toFixed(1)} s`)
  await models.runner.stop()
} finally { await log.close() }
