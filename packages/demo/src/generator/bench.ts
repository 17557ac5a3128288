// Throughput of the history generator: `node src/generator/bench.ts [targetEvents] [seed]`.
// Times generation alone (the appends are counted, not kept), then a second run that also serialises them.
import { createHash } from "node:crypto"
import { generateHistory } from "./index.ts"

const target = Number(process.argv[2] ?? 100_000)
const seed = process.argv[3] ?? "bench"

// Warm-up: loads the bundled admin-unit data and compiles the modules (done once per process).
for (const _ of generateHistory({ seed, targetEvents: 3_000 }));

let started = performance.now()
let events = 0
let appends = 0
for (const append of generateHistory({ seed, targetEvents: target })) {
  events += append.events.length
  appends++
}
let seconds = (performance.now() - started) / 1000
console.log(
  `generate: ${events} events (${appends} appends) in ${seconds.toFixed(2)} s = ${Math.round(events / seconds)} events/s`,
)
console.log(`heap after: ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`)

started = performance.now()
const hash = createHash("sha256")
for (const append of generateHistory({ seed, targetEvents: target })) hash.update(JSON.stringify(append))
seconds = (performance.now() - started) / 1000
console.log(
  `generate + JSON + sha256: ${seconds.toFixed(2)} s = ${Math.round(events / seconds)} events/s; sha256 ${hash.digest("hex").slice(0, 16)}`,
)
