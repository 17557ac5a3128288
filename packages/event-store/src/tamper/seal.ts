import { sql, type Kysely } from "kysely"
import { readAllBatch } from "../read.ts"
import type { Checkpoint } from "../types.ts"
import { foldEventsDigest, fromHex, sealHash } from "./hash.ts"

export interface Seal {
  readonly sealNumber: number
  readonly checkpoint: Checkpoint
  readonly eventCount: number
  readonly eventsDigest: string
  readonly previousHash: string
  readonly sealHash: string
  readonly sealedAt: Date
}

export async function listSeals(db: Kysely<any>): Promise<ReadonlyArray<Seal>> {
  const { rows } = await sql<any>`SELECT seal_number, transaction_id::text AS tx, global_position, event_count,
      encode(events_digest, 'hex') AS events_digest, encode(previous_hash, 'hex') AS previous_hash,
      encode(seal_hash, 'hex') AS seal_hash, sealed_at
    FROM es_seals ORDER BY seal_number`.execute(db)
  return rows.map((r) => ({
    sealNumber: Number(r.seal_number),
    checkpoint: { transactionId: BigInt(r.tx), globalPosition: Number(r.global_position) },
    eventCount: Number(r.event_count),
    eventsDigest: r.events_digest,
    previousHash: r.previous_hash,
    sealHash: r.seal_hash,
    sealedAt: new Date(r.sealed_at),
  }))
}

/**
 * Seals every visible event since the last seal: the new seal commits to those events' hashes in
 * commit order and to the previous seal. Returns undefined when there is nothing new to seal.
 * Export the latest seal hash somewhere the database's administrators cannot write (ADR 0004).
 */
export async function sealLog(db: Kysely<any>): Promise<Seal | undefined> {
  return db.transaction().execute(async (trx) => {
    // one sealer at a time; a second waits and then sees the first one's seal
    await sql`SELECT pg_advisory_xact_lock(7355608)`.execute(trx)
    const seals = await listSeals(trx)
    const last = seals[seals.length - 1]
    let digest: Buffer = Buffer.alloc(32)
    let count = 0
    let after: Checkpoint = last?.checkpoint ?? { transactionId: 0n, globalPosition: 0 }
    for (;;) {
      const batch = await readAllBatch(trx, { after, batchSize: 5000 })
      if (batch.length === 0) break
      for (const event of batch) digest = foldEventsDigest(digest, event.globalPosition, event.hash)
      count += batch.length
      const tail = batch[batch.length - 1]!
      after = { transactionId: tail.transactionId, globalPosition: tail.globalPosition }
    }
    if (count === 0) return undefined
    const sealNumber = (last?.sealNumber ?? 0) + 1
    const previous = last ? fromHex(last.sealHash) : Buffer.alloc(32)
    const hash = sealHash(previous, sealNumber, after.transactionId, after.globalPosition, count, digest)
    await sql`INSERT INTO es_seals (seal_number, transaction_id, global_position, event_count, events_digest,
        previous_hash, seal_hash)
      VALUES (${sealNumber}, ${after.transactionId.toString()}::xid8, ${after.globalPosition}, ${count},
        decode(${digest.toString("hex")}, 'hex'), decode(${previous.toString("hex")}, 'hex'),
        decode(${hash.toString("hex")}, 'hex'))`.execute(trx)
    const [seal] = (await listSeals(trx)).slice(-1)
    return seal
  })
}
