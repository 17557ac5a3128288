// `pnpm db:seal`: seals the log up to now and prints the seal hash to export (ADR 0004).
import { openEventLog } from "../event-log.ts"
import { openDatabase } from "../open.ts"
import { configFromEnv } from "./config.ts"

const log = await openEventLog(await openDatabase(configFromEnv()))
const seal = await log.seal()
console.log(
  seal
    ? `Niêm phong số ${seal.sealNumber}: ${seal.eventCount} sự kiện, ${seal.sealHash}`
    : "Không có sự kiện mới để niêm phong / nothing new to seal",
)
await log.close()
