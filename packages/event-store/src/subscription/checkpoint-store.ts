import { sql, type Kysely } from "kysely"
import { CheckpointConflict } from "../errors.ts"
import type { Checkpoint } from "../types.ts"

export async function loadCheckpoint(db: Kysely<any>, subscriber: string): Promise<Checkpoint> {
  await sql`INSERT INTO es_checkpoints (subscriber) VALUES (${subscriber}) ON CONFLICT DO NOTHING`.execute(db)
  const { rows } = await sql<any>`SELECT transaction_id::text AS tx, global_position
    FROM es_checkpoints WHERE subscriber = ${subscriber}`.execute(db)
  return { transactionId: BigInt(rows[0].tx), globalPosition: Number(rows[0].global_position) }
}

/**
 * Compare-and-set: moves the checkpoint from `from` to `to` or fails, inside the caller's transaction,
 * so the subscriber's own writes and its checkpoint commit together or not at all.
 */
export async function advanceCheckpoint(
  trx: Kysely<any>,
  subscriber: string,
  from: Checkpoint,
  to: Checkpoint,
): Promise<void> {
  const result = await sql`UPDATE es_checkpoints
    SET transaction_id = ${to.transactionId.toString()}::xid8, global_position = ${to.globalPosition}, updated_at = now()
    WHERE subscriber = ${subscriber}
      AND transaction_id = ${from.transactionId.toString()}::xid8 AND global_position = ${from.globalPosition}`.execute(
    trx,
  )
  if (Number(result.numAffectedRows ?? 0) !== 1) throw new CheckpointConflict({ subscriber })
}

/** Creates the subscriber's checkpoint at the start of the log, or moves an existing one back there. */
export async function resetCheckpoint(db: Kysely<any>, subscriber: string): Promise<void> {
  await sql`INSERT INTO es_checkpoints (subscriber) VALUES (${subscriber})
    ON CONFLICT (subscriber) DO UPDATE SET transaction_id = '0', global_position = 0, updated_at = now()`.execute(db)
}

export async function deleteCheckpoint(db: Kysely<any>, subscriber: string): Promise<void> {
  await sql`DELETE FROM es_checkpoints WHERE subscriber = ${subscriber}`.execute(db)
}

/** The stored checkpoints of the subscribers whose name starts with `prefix`. */
export async function listCheckpoints(db: Kysely<any>, prefix: string): Promise<ReadonlyMap<string, Checkpoint>> {
  const { rows } = await sql<any>`SELECT subscriber, transaction_id::text AS tx, global_position
    FROM es_checkpoints WHERE starts_with(subscriber, ${prefix})`.execute(db)
  return new Map(
    rows.map((r) => [r.subscriber, { transactionId: BigInt(r.tx), globalPosition: Number(r.global_position) }]),
  )
}
