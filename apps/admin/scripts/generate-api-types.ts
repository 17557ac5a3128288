import { writeFile } from "node:fs/promises"
import { fileURLToPath } from "node:url"
import { GENERATED_FILE, generateApiTypes } from "./api-types.ts"

await writeFile(GENERATED_FILE, await generateApiTypes())
console.log(`wrote ${fileURLToPath(GENERATED_FILE)}`)
