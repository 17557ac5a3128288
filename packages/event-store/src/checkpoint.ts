import type { Checkpoint } from "./types.ts"

/** `"<transactionId>:<globalPosition>"`, the form checkpoints take in URLs and files. */
export const formatCheckpoint = (c: Checkpoint): string => `${c.transactionId}:${c.globalPosition}`

export const parseCheckpoint = (text: string): Checkpoint | undefined => {
  const match = /^(\d{1,20}):(\d{1,16})$/.exec(text.trim())
  if (!match) return undefined
  return { transactionId: BigInt(match[1]!), globalPosition: Number(match[2]!) }
}

export const compareCheckpoints = (a: Checkpoint, b: Checkpoint): number =>
  a.transactionId === b.transactionId ? a.globalPosition - b.globalPosition : a.transactionId < b.transactionId ? -1 : 1
