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
