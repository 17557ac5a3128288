import { createHmac } from "node:crypto"

/**
 * Ids of what an import writes: derived from the file's content, so the same file imported again yields the
 * same ids and the store writes nothing new (its append is idempotent on event ids) — and keyed with a server
 * secret, so nobody who has (or guesses) the file can compute the ids of the records it created (ADR 0011).
 * UUID-shaped (version nibble 8: custom).
 */
export interface ImportIds {
  readonly id: (...parts: ReadonlyArray<string | number>) => string
  /** The worker record a row of a workers file creates. */
  readonly workerId: (fileSha256: string, row: number) => string
  /** The `index`-th event a row of a file writes (0: the registration, 1: the person's claim). */
  readonly eventId: (fileSha256: string, row: number, index: number) => string
}

/**
 * The import ids under a server secret (the index key). The HMAC key is derived from it with a label of its
 * own, so these ids reveal nothing about the blind indexes made with the same secret.
 */
export const importIds = (secret: Uint8Array): ImportIds => {
  const key = createHmac("sha256", secret).update("xkld/import-ids/v1").digest()
  const id = (...parts: ReadonlyArray<string | number>): string => {
    const hex = createHmac("sha256", key)
      .update(["xkld-import", ...parts.map(String)].join("\u0000"))
      .digest("hex")
    const variant = "89ab"[Number.parseInt(hex[16] ?? "0", 16) & 3] ?? "8"
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  }
  return {
    id,
    workerId: (fileSha256, row) => id("worker", fileSha256, row),
    eventId: (fileSha256, row, index) => id("event", fileSha256, row, index),
  }
}
