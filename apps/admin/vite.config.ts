import tailwindcss from "@tailwindcss/vite"
import react from "@vitejs/plugin-react"
import { defineConfig } from "vite"

/**
 * The admin app is built into `dist/` and served by the API's own process (apps/api/src/http/admin-static.ts).
 * `pnpm --filter @xkld/admin dev` proxies `/api` to an API started separately (ADMIN_API, default port 3000).
 */
export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    outDir: "dist",
    // The first screen's JavaScript is checked against 300 KB gzip by the e2e suite and docs/admin-app.md.
    chunkSizeWarningLimit: 700,
    assetsInlineLimit: 0,
    // The e2e suite reads it to measure what each screen loads.
    manifest: true,
  },
  server: { proxy: { "/api": process.env.ADMIN_API ?? "http://localhost:3000" } },
})
