/**
 * The in-memory baseline: a bare Hono app on @hono/node-server (the same server stack as the API, in its own
 * process on the same core) answering a constant JSON value held in memory for each route measured. The values
 * are the API's own answers captured just before (same bytes, so same serialisation and transfer work);
 * `c.json` serialises them on every request, as the API does with its answers.
 *
 * Usage: node bench/constant-server.ts <file.json> where the file holds { "<path>": <value>, … }.
 * Prints `READY {"port":…}` on stdout when it listens.
 */
import { readFile } from "node:fs/promises"
import { serve } from "@hono/node-server"
import { Hono } from "hono"

const file = process.argv[2]
if (!file) throw new Error("usage: node bench/constant-server.ts <answers.json>")
const answers = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>

const app = new Hono()
for (const [path, value] of Object.entries(answers)) app.get(path, (c) => c.json(value as object))

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  console.log(`READY ${JSON.stringify({ port: info.port })}`)
})
process.on("SIGTERM", () => {
  server.close()
  process.exit(0)
})
