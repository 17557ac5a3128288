import type { PersonalData } from "@xkld/domain"
import type { Checkpoint, EventLog, RecordedEvent } from "@xkld/event-store"
import { sql, type Kysely } from "kysely"
import { compareNamed, type NamedWorker } from "./collation.ts"
import { MAX_AGE_MS, wakesOf } from "../../read-cache/wakes.ts"
import { namesOf, type OpenedName } from "./names.ts"

/**
 * Each worker's place in Vietnamese name order within their province (`pd_name_order.position`), so that a page of
 * the list sorted by name is an index scan and only the names on it are decrypted (issue 12, ADR 0024). The
 * position is a number with no part of the name in it: only its order among the province's positions means
 * anything. It is kept by this follower of the log (its own checkpoint, advanced in the transaction that writes the
 * positions) and deleted with the person key on erasure.
 */
export const NAME_ORDER_SUBSCRIBER = "personal-data:name-order"

const EVENT_TYPES = ["WorkerRegistered", "WorkerFactCorrected", "WorkerFactVoided", "WorkerPersonalDataErased"]
const BATCH = 10_000
const SPACING = 1024
/** A window of at most this many positions is decrypted whole; a larger one is sampled at this many places. */
const FANOUT = 32
/**
 * A pass that placed at least this many workers refreshes the planner's statistics of the name order and of the
 * tables `analyze` names: with the statistics of before a bulk load (10^5 registrations in one ward) PostgreSQL
 * joined and sorted the whole ward for a page (587 ms) instead of walking the name-order index (0.58 ms).
 */
const ANALYZE_AFTER = 1000

interface Placed {
  readonly workerId: string
  readonly position: number
}

export interface NameOrder {
  /** Resolves when every event committed before the call is reflected in the positions. */
  readonly caughtUp: () => Promise<void>
  /** The checkpoint last written by this process (undefined before the first pass). */
  readonly checkpoint: () => Checkpoint | undefined
  readonly stop: () => Promise<void>
}

export function startNameOrder(
  log: EventLog,
  master: PersonalData.MasterKey,
  options: {
    readonly pollIntervalMs?: number
    readonly onError?: (error: unknown) => void
    /** The other tables a page of the list reads (the registry), analysed with the name order after bulk writes. */
    readonly analyze?: () => Promise<ReadonlyArray<string>>
  } = {},
): NameOrder {
  const db = log.database.db
  const wakes = wakesOf(log)
  // The wakes' generation when the last pass that found nothing new began: while it is the same, nothing was
  // committed since (ADR 0030), so `caughtUp` needs no query.
  let settledAt: { readonly generation: string; readonly at: number } | undefined
  let placedSinceAnalyze = 0
  const analyze = async () => {
    const tables = ["pd_name_order", ...((await options.analyze?.()) ?? [])]
    await sql`ANALYZE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(log.database.owner)
  }
  let stopped = false
  let pass: Promise<void> | undefined
  let queued: Promise<void> | undefined

  // The checkpoint as this process last wrote it (the compare-and-set still guards it); reloaded after a failure.
  let current: Checkpoint | undefined
  /** Processes batches until the log has nothing new, then places what the ordering guard still holds back. */
  const runPass = async (): Promise<void> => {
    const generation = wakes.generation()
    const startedAt = Date.now()
    for (;;) {
      const from = current ?? (await log.loadCheckpoint(NAME_ORDER_SUBSCRIBER))
      current = from
      // Everything committed after the checkpoint, held back or not: one query when there is nothing new.
      const committed = await log.readAllBatch({
        after: from,
        eventTypes: EVENT_TYPES,
        includeHeldBack: true,
        batchSize: BATCH,
      })
      if (committed.length > 0) settledAt = undefined
      if (committed.length === 0) {
        settledAt = { generation, at: startedAt }
        if (placedSinceAnalyze >= ANALYZE_AFTER) {
          placedSinceAnalyze = 0
          await analyze()
        }
        return
      }
      const batch = await log.readAllBatch({ after: from, eventTypes: EVENT_TYPES, batchSize: BATCH })
      if (batch.length > 0) {
        const last = batch.at(-1)!
        const to: Checkpoint = { transactionId: last.transactionId, globalPosition: last.globalPosition }
        try {
          const affected = affectedWorkers(batch)
          placedSinceAnalyze += affected.length
          await db.transaction().execute(async (trx) => {
            await reposition(log, trx, master, affected)
            await log.advanceCheckpoint(NAME_ORDER_SUBSCRIBER, from, to, trx)
          })
        } catch (error) {
          current = undefined
          throw error
        }
        current = to
        if (batch.length === BATCH) continue
      }
      const passed = new Set(batch.map((e) => e.eventId))
      return provisional(committed.filter((e) => !passed.has(e.eventId)))
    }
  }
  // Events committed but still held back by the ordering guard (an older transaction is open somewhere on the
  // server): the registry already shows them (inline projections), so the name order must too. They are placed
  // now without moving the checkpoint, and placed again, identically, when the guard lets them through.
  const placedEarly = new Set<string>()
  const provisional = async (committed: ReadonlyArray<RecordedEvent>) => {
    const held = committed.filter((e) => !placedEarly.has(e.eventId))
    if (held.length === 0) return
    await db.transaction().execute((trx) => reposition(log, trx, master, affectedWorkers(held)))
    for (const e of held) placedEarly.add(e.eventId)
    if (placedEarly.size > 10 * BATCH) placedEarly.clear()
  }
  // Like sharedPosition: a caller never waits on a pass that started before it arrived.
  const nextPass = (): Promise<void> => {
    const start = () => {
      const running = runPass().finally(() => {
        if (pass === running) pass = undefined
      })
      pass = running
      return running
    }
    if (!pass) return start()
    queued ??= pass
      .catch(() => undefined)
      .then(() => {
        queued = undefined
        return start()
      })
    return queued
  }

  let wake: (() => void) | undefined
  const loop = (async () => {
    for (;;) {
      if (stopped) return
      await nextPass().catch((error: unknown) => options.onError?.(error))
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.pollIntervalMs ?? 2000)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
    }
  })()

  return {
    caughtUp: () =>
      settledAt !== undefined && settledAt.generation === wakes.generation() && Date.now() - settledAt.at < MAX_AGE_MS
        ? Promise.resolve()
        : nextPass(),
    checkpoint: () => current,
    stop: async () => {
      stopped = true
      wake?.()
      await loop
      await pass?.catch(() => undefined)
    },
  }
}

const affectedWorkers = (events: ReadonlyArray<RecordedEvent>): ReadonlyArray<string> => [
  ...new Set(
    events
      .map((e) => (e.data as { workerId?: unknown } | null)?.workerId)
      .filter((id): id is string => typeof id === "string"),
  ),
]

/** Recomputes the positions of these workers from their registrations in effect now. */
export async function reposition(
  log: EventLog,
  trx: Kysely<any>,
  master: PersonalData.MasterKey,
  workerIds: ReadonlyArray<string>,
): Promise<void> {
  if (workerIds.length === 0) return
  const names = await namesOf(log, trx, master, workerIds)
  await sql`DELETE FROM pd_name_order WHERE worker_id = ANY (${[...workerIds]}::text[])`.execute(trx)
  const byProvince = new Map<string, OpenedName[]>()
  const unnamed: OpenedName[] = []
  for (const name of names.values())
    if (name.fullName === undefined) unnamed.push(name)
    else byProvince.set(name.provinceCode, [...(byProvince.get(name.provinceCode) ?? []), name])
  // Erased or unreadable: listed after every name, by worker id, at a position that says nothing (ADR 0024).
  if (unnamed.length > 0)
    await sql`INSERT INTO pd_name_order (worker_id, province_code, key_id, position, identity)
      SELECT v.worker_id, v.province_code, v.key_id, v.position, v.identity::jsonb
      FROM unnest(${unnamed.map((n) => n.workerId)}::text[], ${unnamed.map((n) => n.provinceCode)}::text[],
        ${unnamed.map((n) => n.keyId)}::text[], ${unnamed.map(() => "Infinity")}::float8[],
        ${unnamed.map((n) => JSON.stringify(n.identity))}::text[]) AS v(worker_id, province_code, key_id, position, identity)`.execute(
      trx,
    )
  for (const [provinceCode, added] of byProvince) await placeAll(log, trx, master, provinceCode, added)
}

async function placeAll(
  log: EventLog,
  trx: Kysely<any>,
  master: PersonalData.MasterKey,
  provinceCode: string,
  added: ReadonlyArray<OpenedName>,
): Promise<void> {
  const existing = Number(
    (
      await sql<{ n: number }>`SELECT count(*)::int AS n FROM pd_name_order
        WHERE province_code = ${provinceCode} AND position < 'Infinity'`.execute(trx)
    ).rows[0]!.n,
  )
  // Many at once (a first start, an import, a rebuild): decrypting the province once and numbering it afresh costs
  // less than a search per name.
  if (added.length * FANOUT >= existing) return renumber(log, trx, master, provinceCode, added)
  for (const name of added) {
    const position = await positionFor(log, trx, master, provinceCode, name as NamedWorker)
    if (position === undefined) return renumber(log, trx, master, provinceCode, added)
    await insert(trx, provinceCode, [{ ...name, position }])
  }
}

/** Where a name goes between the positions already there; undefined when the numbers have no room left. */
async function positionFor(
  log: EventLog,
  trx: Kysely<any>,
  master: PersonalData.MasterKey,
  provinceCode: string,
  name: NamedWorker,
): Promise<number | undefined> {
  let below: number | undefined
  let above: number | undefined
  for (;;) {
    const window = await windowSample(trx, provinceCode, below, above)
    const opened = await namesOf(
      log,
      trx,
      master,
      window.sample.map((p) => p.workerId),
    )
    // A position whose name no longer opens (erased meanwhile) is no landmark: leave it out.
    const landmarks = window.sample.flatMap((p) => {
      const fullName = opened.get(p.workerId)?.fullName
      return fullName === undefined ? [] : [{ ...p, fullName }]
    })
    let i = 0
    while (i < landmarks.length && compareNamed(landmarks[i]!, name) < 0) i++
    const lower = landmarks[i - 1]?.position ?? below
    const upper = landmarks[i]?.position ?? above
    if (window.whole || landmarks.length === 0) return between(lower, upper)
    below = lower
    above = upper
  }
}

/** The positions strictly between two (either open): all of them if few, else FANOUT evenly spaced by rank. */
async function windowSample(
  trx: Kysely<any>,
  provinceCode: string,
  below: number | undefined,
  above: number | undefined,
): Promise<{ readonly whole: boolean; readonly sample: ReadonlyArray<Placed> }> {
  const range = sql`province_code = ${provinceCode} AND position < 'Infinity'
    ${below === undefined ? sql`` : sql`AND position > ${below}`} ${above === undefined ? sql`` : sql`AND position < ${above}`}`
  const { rows } = await sql<{ worker_id: string; position: number; n: number }>`
    SELECT worker_id, position, n FROM (
      SELECT worker_id, position, row_number() OVER (ORDER BY position, worker_id) - 1 AS rank, count(*) OVER () AS n
      FROM pd_name_order WHERE ${range}) ranked
    WHERE n <= ${FANOUT} OR rank % greatest(1, n / ${FANOUT}) = 0
    ORDER BY position, worker_id`.execute(trx)
  const count = Number(rows[0]?.n ?? 0)
  return {
    whole: count <= FANOUT,
    sample: rows.map((r) => ({ workerId: r.worker_id, position: Number(r.position) })),
  }
}

const between = (lower: number | undefined, upper: number | undefined): number | undefined => {
  if (lower === undefined && upper === undefined) return 0
  if (lower === undefined) return upper! - SPACING
  if (upper === undefined) return lower + SPACING
  const middle = lower + (upper - lower) / 2
  return middle > lower && middle < upper ? middle : undefined
}

/** Numbers the whole province afresh, in name order, the new names with it. */
async function renumber(
  log: EventLog,
  trx: Kysely<any>,
  master: PersonalData.MasterKey,
  provinceCode: string,
  added: ReadonlyArray<OpenedName>,
): Promise<void> {
  const { rows } = await sql<{ worker_id: string }>`SELECT worker_id FROM pd_name_order
    WHERE province_code = ${provinceCode} AND position < 'Infinity'`.execute(trx)
  const opened = await namesOf(
    log,
    trx,
    master,
    rows.map((r) => r.worker_id),
  )
  const everyone = new Map<string, NamedWorker & Pick<OpenedName, "keyId" | "identity">>()
  for (const name of [...opened.values(), ...added])
    if (name.fullName !== undefined)
      everyone.set(name.workerId, {
        workerId: name.workerId,
        fullName: name.fullName,
        keyId: name.keyId,
        identity: name.identity,
      })
  const sorted = [...everyone.values()].toSorted(compareNamed)
  await sql`DELETE FROM pd_name_order WHERE province_code = ${provinceCode} AND position < 'Infinity'`.execute(trx)
  await insert(
    trx,
    provinceCode,
    sorted.map((w, i) => ({ workerId: w.workerId, keyId: w.keyId, identity: w.identity, position: (i + 1) * SPACING })),
  )
}

async function insert(
  trx: Kysely<any>,
  provinceCode: string,
  rows: ReadonlyArray<Pick<OpenedName, "workerId" | "keyId" | "identity"> & { readonly position: number }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000)
    // Only while the key exists (this transaction holds it FOR SHARE): an erased person gets no position.
    await sql`INSERT INTO pd_name_order (worker_id, province_code, key_id, position, identity)
      SELECT v.worker_id, ${provinceCode}, v.key_id, v.position, v.identity::jsonb
      FROM unnest(${chunk.map((r) => r.workerId)}::text[], ${chunk.map((r) => r.keyId)}::text[],
        ${chunk.map((r) => r.position)}::float8[], ${chunk.map((r) => JSON.stringify(r.identity))}::text[])
        AS v(worker_id, key_id, position, identity)
      WHERE EXISTS (SELECT 1 FROM pd_person_keys k WHERE k.key_id = v.key_id)`.execute(trx)
  }
}

const registry = new WeakMap<EventLog, NameOrder>()

/** The name order kept over a log (started by `servicesOver`). */
export const nameOrderOf = (log: EventLog): NameOrder | undefined => registry.get(log)

export const registerNameOrder = (log: EventLog, order: NameOrder): void => void registry.set(log, order)
