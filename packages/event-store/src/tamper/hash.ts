import { createHash } from "node:crypto"

export const sha256 = (...parts: ReadonlyArray<Buffer>): Buffer => {
  const hash = createHash("sha256")
  for (const part of parts) hash.update(part)
  return hash.digest()
}

export const fromHex = (hex: string): Buffer => Buffer.from(hex, "hex")

/** 8-byte big-endian encoding, so seal inputs have one unambiguous byte form. */
export const u64 = (n: number | bigint): Buffer => {
  const buffer = Buffer.alloc(8)
  buffer.writeBigUInt64BE(BigInt(n))
  return buffer
}

/** The digest of a range of events in commit order: chained over (global position, event hash). */
export const foldEventsDigest = (previous: Buffer, globalPosition: number, eventHashHex: string): Buffer =>
  sha256(previous, u64(globalPosition), fromHex(eventHashHex))

export const sealHash = (
  previousSealHash: Buffer,
  sealNumber: number,
  transactionId: bigint,
  globalPosition: number,
  eventCount: number,
  eventsDigest: Buffer,
): Buffer =>
  sha256(previousSealHash, u64(sealNumber), u64(transactionId), u64(globalPosition), u64(eventCount), eventsDigest)
