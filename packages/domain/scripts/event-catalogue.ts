// Writes docs/events.md, the event catalogue generated from the event schemas: pnpm --filter @xkld/domain events:doc
import { writeFileSync } from "node:fs"
import { eventCatalogue } from "../src/registry/catalogue.ts"

const target = new URL("../../../docs/events.md", import.meta.url)
writeFileSync(target, eventCatalogue(), "utf8")
console.log(`Wrote ${target.pathname}`)
