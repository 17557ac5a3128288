import { sql, type Kysely } from "kysely"
import { readAllBatch } from "../read.ts"
import type { Checkpoint } from "../types.ts"
import { foldEventsDigest, fromHex, sealHash, sha256 } from "./hash.ts"
import { listSeals } from "./seal.ts"

export type VerifyProblem =
  | {
      readonly kind: "event-hash-mismatch"
      readonly eventId: string
      readonly streamId: string
      readonly streamPosition: number
      readonly globalPosition: number
    }
  | { readonly kind: "event-missing"; readonly streamId: string; readonly streamPosition: number }
  | {
      readonly kind: "stream-head-mismatch"
      readonly streamId: string
      readonly recordedVersion: number
      readonly eventsFound: number
    }
  | { readonly kind: "seal-mismatch"; readonly sealNumber: number; readonly reason: string }

export interface VerifyReport {
  readonly ok: boolean
  /** Events and seals recomputed. */
  readonly checked: { readonly events: number; readonly streams: number; readonly seals: number }
  readonly firstProblem: VerifyProblem | null
  readonly problems: ReadonlyArray<VerifyProblem>
}

const describe: Record<VerifyProblem["kind"], string> = {
  "event-hash-mismatch": "nội dung sự kiện không khớp chuỗi băm / event content does not match its hash chain",
  "event-missing": "thiếu sự kiện trong luồng / an event is missing from its stream",
  "stream-head-mismatch": "đầu luồng không khớp các sự kiện / stream head does not match its events",
  "seal-mismatch": "niêm phong không khớp nhật ký / seal does not match the log",
}
export const describeProblem = (p: VerifyProblem): string => describe[p.kind]

/**
 * Recomputes every stream's hash chain from the stored columns and every seal from the events in
 * commit order. Names the first event or seal that does not match, or the position that is missing.
 */
export async function verifyLog(db: Kysely<any>, maxProblems = 100): Promise<VerifyReport> {
  const problems: VerifyProblem[] = []
  const note = (p: VerifyProblem) => problems.length < maxProblems && problems.push(p)
  const heads = new Map<string, { version: number; lastHash: string }>()
  {
    const { rows } =
      await sql<any>`SELECT stream_id, version, encode(last_hash, 'hex') AS last_hash FROM es_streams`.execute(db)
    for (const r of rows) heads.set(r.stream_id, { version: Number(r.version), lastHash: r.last_hash })
  }

  let events = 0
  let streams = 0
  let stream: { id: string; position: number; hash: Buffer } | undefined = undefined as typeof stream
  const closeStream = () => {
    if (!stream) return
    const head = heads.get(stream.id)
    if (!head || head.version !== stream.position || head.lastHash !== stream.hash.toString("hex")) {
      if (head && head.version > stream.position)
        note({ kind: "event-missing", streamId: stream.id, streamPosition: stream.position + 1 })
      else
        note({
          kind: "stream-head-mismatch",
          streamId: stream.id,
          recordedVersion: head?.version ?? 0,
          eventsFound: stream.position,
        })
    }
    heads.delete(stream.id)
  }

  let after = { streamId: "", position: 0 }
  for (;;) {
    const { rows } = await sql<any>`SELECT stream_id, stream_position, global_position, event_id::text AS event_id,
        encode(hash, 'hex') AS hash,
        encode(es_event_digest(stream_id, stream_position, event_id, event_type, schema_version, data, metadata,
          occurred_at, recorded_at), 'hex') AS digest
      FROM es_events
      WHERE (stream_id, stream_position) > (${after.streamId}, ${after.position})
      ORDER BY stream_id, stream_position LIMIT 5000`.execute(db)
    if (rows.length === 0) break
    for (const r of rows) {
      const position = Number(r.stream_position)
      if (stream?.id !== r.stream_id) {
        closeStream()
        streams++
      }
      if (stream?.id !== r.stream_id) stream = { id: r.stream_id, position: 0, hash: Buffer.alloc(0) }
      const current = stream as { id: string; position: number; hash: Buffer }
      if (position !== current.position + 1)
        note({ kind: "event-missing", streamId: current.id, streamPosition: current.position + 1 })
      // each event is checked against its stored predecessor, so one edit is named once, exactly
      const expected = sha256(current.hash, fromHex(r.digest))
      if (expected.toString("hex") !== r.hash)
        note({
          kind: "event-hash-mismatch",
          eventId: r.event_id,
          streamId: r.stream_id,
          streamPosition: position,
          globalPosition: Number(r.global_position),
        })
      current.position = position
      current.hash = fromHex(r.hash)
      events++
    }
    const tail = rows[rows.length - 1]
    after = { streamId: tail.stream_id, position: Number(tail.stream_position) }
  }
  closeStream()
  for (const [streamId, head] of heads)
    if (head.version > 0) note({ kind: "event-missing", streamId, streamPosition: 1 })

  const seals = await listSeals(db)
  let previous: Buffer = Buffer.alloc(32)
  let from: Checkpoint = { transactionId: 0n, globalPosition: 0 }
  for (const seal of seals) {
    let digest: Buffer = Buffer.alloc(32)
    let count = 0
    for (;;) {
      const batch = await readAllBatch(db, { after: from, batchSize: 5000 })
      const inSeal = batch.filter(
        (e) =>
          e.transactionId < seal.checkpoint.transactionId ||
          (e.transactionId === seal.checkpoint.transactionId && e.globalPosition <= seal.checkpoint.globalPosition),
      )
      for (const e of inSeal) digest = foldEventsDigest(digest, e.globalPosition, e.hash)
      count += inSeal.length
      if (inSeal.length === 0) break
      const tail = inSeal[inSeal.length - 1]!
      from = { transactionId: tail.transactionId, globalPosition: tail.globalPosition }
      if (inSeal.length < batch.length) break
    }
    from = seal.checkpoint
    const reason =
      seal.previousHash !== previous.toString("hex")
        ? "previous seal hash differs"
        : count !== seal.eventCount
          ? `sealed ${seal.eventCount} events, found ${count}`
          : digest.toString("hex") !== seal.eventsDigest
            ? "events digest differs"
            : sealHash(
                  previous,
                  seal.sealNumber,
                  seal.checkpoint.transactionId,
                  seal.checkpoint.globalPosition,
                  count,
                  digest,
                ).toString("hex") !== seal.sealHash
              ? "seal hash differs"
              : undefined
    if (reason) note({ kind: "seal-mismatch", sealNumber: seal.sealNumber, reason })
    previous = fromHex(seal.sealHash)
  }

  return {
    ok: problems.length === 0,
    checked: { events, streams, seals: seals.length },
    firstProblem: problems[0] ?? null,
    problems,
  }
}
