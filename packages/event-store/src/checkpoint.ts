import type { Checkpoint } from "./types.ts"

/** `"<transactionId>:<globalPosition>"`, the form checkpoints take in URLs and files. */
export const formatCheckpoint = (c: Checkpoint): string => `${c.transactionId}:${c.globalPosition}`

/** The largest transaction id `xid8` holds (2^64 − 1). */
const MAX_XID8 = 2n ** 64n - 1n

/**
 * "<transaction id>:<position>", or undefined — also for digits the database could not hold (a transaction id
 * beyond xid8, a position beyond what a JavaScript number keeps exactly), which would otherwise fail in SQL.
 */
export const parseCheckpoint = (text: string): Checkpoint | undefined => {
  const match = /^(\d{1,20}):(\d{1,16})$/.exec(text.trim())
  if (!match) return undefined
  const transactionId = BigInt(match[1]!)
  const globalPosition = Number(match[2]!)
  if (transactionId > MAX_XID8 || !Number.isSafeInteger(globalPosition)) return undefined
  return { transactionId, globalPosition }
}

export const compareCheckpoints = (a: Checkpoint, b: Checkpoint): number =>
  a.transactionId === b.transactionId ? a.globalPosition - b.globalPosition : a.transactionId < b.transactionId ? -1 : 1
