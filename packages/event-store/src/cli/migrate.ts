// `pnpm db:migrate`: brings the schema to the latest version (opening a database migrates it).
import { openDatabase } from "../open.ts"
import { configFromEnv, describeConfig } from "./config.ts"

const config = configFromEnv()
const database = await openDatabase(config)
console.log(`Cơ sở dữ liệu đã ở phiên bản mới nhất / database migrated: ${describeConfig(config)}`)
await database.close()
