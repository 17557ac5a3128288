// `pnpm db:verify`: recomputes hash chains and seals; exits 1 and names the first problem when one is found.
import { openEventLog } from "../event-log.ts"
import { openDatabase } from "../open.ts"
import { describeProblem } from "../tamper/verify.ts"
import { configFromEnv } from "./config.ts"

const log = await openEventLog(await openDatabase(configFromEnv()))
const report = await log.verify()
console.log(JSON.stringify(report, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2))
if (report.firstProblem) console.error(describeProblem(report.firstProblem))
await log.close()
process.exitCode = report.ok ? 0 : 1
