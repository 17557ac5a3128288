import { createHash } from "node:crypto"

/**
 * Ids derived from the file's content: the same file imported again yields the same ids, so the store writes
 * nothing new (its append is idempotent on event ids). UUID-shaped (version nibble 8: custom).
 */
export const importId = (...parts: ReadonlyArray<string | number>): string => {
  const hex = createHash("sha256")
    .update(["xkld-import", ...parts.map(String)].join("\u0000"))
    .digest("hex")
  const variant = "89ab"[Number.parseInt(hex[16] ?? "0", 16) & 3] ?? "8"
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** The worker record a row of a workers file creates. */
export const importedWorkerId = (fileSha256: string, row: number): string => importId("worker", fileSha256, row)

/** The `index`-th event a row of a file writes (0: the registration, 1: the person's claim). */
export const importedEventId = (fileSha256: string, row: number, index: number): string =>
  importId("event", fileSha256, row, index)
