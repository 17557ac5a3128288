import { serve } from "@hono/node-server"
import { configFromEnv, describeConfig, openDatabase, openEventLog } from "@xkld/event-store"
import { createApp } from "./app.ts"

const config = configFromEnv()
const port = Number(process.env.PORT || 3000)
console.log(`Đang mở cơ sở dữ liệu / opening database: ${describeConfig(config)}`)
const log = await openEventLog(await openDatabase(config))
const server = serve({ fetch: createApp({ log }).fetch, port }, (info) => {
  console.log(`XKLĐ API: http://localhost:${info.port}/api/health`)
})

const shutdown = () => {
  server.close()
  void log.close().finally(() => process.exit(0))
}
process.on("SIGINT", shutdown)
process.on("SIGTERM", shutdown)
