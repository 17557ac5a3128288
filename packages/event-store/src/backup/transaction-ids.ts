import { sql, type Kysely } from "kysely"
import { BackupError, type BackupProgress } from "./format.ts"

/**
 * Restored events keep the transaction ids of the server that wrote them: their seals commit to those ids (ADR
 * 0004), and readers order by them (ADR 0003). A new server's counter may be below them, so new events would sort
 * before the restored ones (a caught-up reader would never see them) and restored events above the counter would
 * stay hidden by the guard. The counter is moved past the largest restored id first (ADR 0016): every id of the
 * restore's own transaction and after is then larger.
 *
 * Moving it costs one subtransaction per id (about 500 000 a second on PostgreSQL); past `limit` the operator bumps
 * the epoch instead (`pg_resetwal --epoch`, docs/operations.md) and nothing has been written.
 */
export const DEFAULT_ADVANCE_LIMIT = 50_000_000n
const STEP = 100_000n

export const currentTransactionId = async (db: Kysely<any>): Promise<bigint> =>
  BigInt((await sql<{ id: string }>`SELECT pg_current_xact_id()::text AS id`.execute(db)).rows[0]!.id)

export async function advanceTransactionIdsPast(
  db: Kysely<any>,
  target: bigint,
  options: { readonly limit?: bigint; readonly onProgress?: BackupProgress; readonly signal?: AbortSignal } = {},
): Promise<bigint> {
  const start = await currentTransactionId(db)
  if (start > target) return 0n
  const gap = target - start + 1n
  if (gap > (options.limit ?? DEFAULT_ADVANCE_LIMIT))
    throw new BackupError(
      `Máy chủ này đang ở mã giao dịch ${start}, thấp hơn mã lớn nhất trong bản sao lưu (${target}) quá ${gap} giao dịch: hãy tăng epoch của máy chủ mới trước khi khôi phục (pg_resetwal --epoch, xem docs/operations.md). Chưa ghi gì.`,
      `This server's transaction id ${start} is ${gap} below the backup's largest (${target}): raise the new server's epoch first (pg_resetwal --epoch, see docs/operations.md). Nothing was written.`,
    )
  let current = start
  while (current <= target) {
    options.signal?.throwIfAborted()
    const step = target - current + 1n < STEP ? target - current + 1n : STEP
    // Each exception block is a subtransaction; its insert takes an id from the server's counter. The temporary
    // table is dropped at commit: nothing stays behind.
    await db.transaction().execute(async (trx) => {
      await sql`CREATE TEMPORARY TABLE es_restore_xid_burn (x integer) ON COMMIT DROP`.execute(trx)
      await sql
        .raw(
          `DO $$ BEGIN FOR i IN 1..${step} LOOP
          BEGIN INSERT INTO es_restore_xid_burn VALUES (1); EXCEPTION WHEN OTHERS THEN NULL; END;
        END LOOP; END $$`,
        )
        .execute(trx)
    })
    current = await currentTransactionId(db)
    options.onProgress?.("transaction-ids", Number(current - start > gap ? gap : current - start), Number(gap))
  }
  return current - start
}
