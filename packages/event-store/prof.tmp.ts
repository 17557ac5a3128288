import { benchEvents, rawInsertMany, rawInsertManyParams } from "./bench/fixtures.ts"
import { freshPostgres, DEFAULT_DATABASE_URL } from "./bench/targets.ts"
import { openEventLog } from "./src/index.ts"
const t = await freshPostgres(DEFAULT_DATABASE_URL, 10)
const raw = t.raw(1)
await raw.query("CREATE TABLE bench_raw_events (LIKE es_events INCLUDING ALL)")
const log = await openEventLog(t.database)
let prep = 0, q = 0, pos = 1, ours = 0, ourPrep = 0
for (let i = 0; i < 40; i++) {
  let a = performance.now()
  const ev = benchEvents(1000, pos)
  const params = rawInsertManyParams("s", pos, ev)
  let b = performance.now()
  await raw.query(rawInsertMany, params)
  let c = performance.now()
  if (i >= 10) { prep += b - a; q += c - b }
  pos += 1000
  a = performance.now()
  const ev2 = benchEvents(1000, pos)
  b = performance.now()
  const o = await log.append({ streamId: "o", streamType: "Worker", expectedVersion: "any", events: ev2 })
  c = performance.now()
  if (!o.ok) throw o.error
  if (i >= 10) { ourPrep += b - a; ours += c - b }
}
console.log({ prepMs: prep / 30, rawQueryMs: q / 30, ourPrepMs: ourPrep / 30, oursMs: ours / 30 })
await log.close(); await t.drop()
