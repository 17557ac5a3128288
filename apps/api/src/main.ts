import { serve } from "@hono/node-server"
import { describeConfig } from "@xkld/event-store"
import { createApp } from "./app.ts"
import { startServices } from "./bootstrap.ts"
import { ConfigError, loadConfig } from "./config.ts"
import { DEMO_PASSWORD } from "@xkld/demo"
import { loadDemo } from "./demo/load.ts"
import { loadReferenceData } from "./reference-data/load.ts"
import { listUsers } from "./auth/users.ts"

let config
try {
  config = loadConfig()
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(`Không khởi động được / cannot start: ${error.message}`)
  process.exit(1)
}

console.log(`Chế độ / mode: ${config.mode}; cơ sở dữ liệu / database: ${describeConfig(config.database)}`)
const services = await startServices(config)
if (config.mode === "demo") await loadDemo(services)
else {
  // production and development: the public reference data only; the first administrator: `pnpm xkld users create`
  const written = await loadReferenceData(services)
  if (written > 0) console.log(`Đã nạp dữ liệu tham chiếu / reference data loaded: ${written} sự kiện / events`)
  if ((await listUsers(services.log.database.db)).length === 0)
    console.log(
      "Chưa có tài khoản nào / no accounts yet: pnpm xkld users create --username <u> --role administrator --province <mã> --password-stdin (docs/operations.md)",
    )
}

const server = serve({ fetch: createApp(services).fetch, port: config.port }, (info) => {
  const url = `http://localhost:${info.port}`
  console.log(`\nXKLĐ API: ${url}/api/health — tài liệu / docs: ${url}/api/docs`)
  if (config.mode === "demo")
    console.log(
      `Tài khoản mẫu (mật khẩu "${DEMO_PASSWORD}") / demo accounts: so-noi-vu, to-hieu, chieng-an, doanh-nghiep, ngan-hang, lanh-dao, kiem-toan, quan-tri`,
    )
})

const shutdown = () => {
  server.close()
  void services.close().finally(() => process.exit(0))
}
process.on("SIGINT", shutdown)
process.on("SIGTERM", shutdown)
