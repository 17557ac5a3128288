/**
 * The peer, side by side in the same run (issue 12): Emmett's PostgreSQL event store
 * (`@event-driven-io/emmett-postgresql`, a dev dependency of this bench only) appending the same events to the
 * same database: single appends (1 and 8 writers), batches of 100 and 1,000, and reading the whole log. Ours keeps
 * its hash chain, ordering guard and idempotency on. Rows `peer emmett: …`, baseline = Emmett, ratio =
 * ours / Emmett (target 2). PostgreSQL only (Emmett's store needs a server).
 */
import { dumbo } from "@event-driven-io/dumbo"
import { getPostgreSQLEventStore, readMessagesBatch } from "@event-driven-io/emmett-postgresql"
import { sql } from "kysely"
import type { EventLog, NewEvent } from "../src/index.ts"
import { benchEvent, benchEvents, STREAM_TYPE } from "./fixtures.ts"
import { rotate, runFor, runOnce } from "./measure.ts"
import { measurement, type Measurement } from "./measurement.ts"

export const PEER_TARGET = 2

export interface PeerSettings {
  readonly connectionString: string
  readonly seconds: number
  readonly rounds: number
  readonly warmUpSeconds: number
  /** Events each side loads, then reads back whole. */
  readonly readEvents: number
  readonly readBatch: number
}

/** Emmett's event: the same type, data and metadata as ours. */
const emmettEvent = (e: NewEvent) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata })

export async function benchPeerEmmett(log: EventLog, settings: PeerSettings, report: (m: Measurement) => void) {
  const pool = dumbo({ connectionString: settings.connectionString })
  const emmett = getPostgreSQLEventStore(settings.connectionString, {
    schema: { autoMigration: "CreateOrUpdate" },
    connectionOptions: { dumbo: pool },
  })
  try {
    await emmett.schema.migrate()
    const name = (what: string) => `peer emmett: ${what}`
    for (const writers of [1, 8]) {
      const [ours, peer] = await appends(log, emmett, settings, writers, 1)
      report(row(name(`append 1 event/tx, ${writers} writer${writers > 1 ? "s" : ""}`), ours!, peer!))
    }
    for (const size of [100, 1000]) {
      const [ours, peer] = await appends(log, emmett, settings, 1, size)
      report(row(name(`append ${size.toLocaleString("en")} events/tx, 1 writer`), ours!, peer!))
    }
    const [ours, peer] = await readWhole(log, emmett, pool, settings)
    report(
      row(
        name(`read the whole log (${settings.readEvents.toLocaleString("en")} events, batch ${settings.readBatch})`),
        ours!,
        peer!,
        "ours: log.readAll; Emmett: readMessagesBatch (its own commit-order query behind its transaction-id guard), same page size",
      ),
    )
  } finally {
    await emmett.close()
    await pool.close().catch(() => undefined)
  }
}

const row = (name: string, ours: number, peer: number, note?: string): Measurement =>
  measurement(
    name,
    "postgres",
    ours,
    peer,
    PEER_TARGET,
    note ?? "same events (≈400 B JSON, full metadata), own streams per writer, exact expected version on both sides",
  )

type Emmett = ReturnType<typeof getPostgreSQLEventStore>

async function appends(log: EventLog, emmett: Emmett, settings: PeerSettings, writers: number, size: number) {
  const tag = `${writers}w${size}-${Date.now()}`
  const ourVersions = Array.from({ length: writers }, () => 0)
  const peerVersions = Array.from({ length: writers }, () => 0n)
  const events = (first: number) => (size === 1 ? [benchEvent(first)] : benchEvents(size, first))
  const ours = async (writer: number) => {
    const outcome = await log.append({
      streamId: `peer-ours-${tag}-${writer}`,
      streamType: STREAM_TYPE,
      expectedVersion: ourVersions[writer]!,
      events: events(ourVersions[writer]!),
    })
    if (!outcome.ok) throw new Error(`append failed: ${outcome.error._tag}`, { cause: outcome.error })
    ourVersions[writer] = outcome.result.nextExpectedVersion
    return size
  }
  const peer = async (writer: number) => {
    const version = peerVersions[writer]!
    const result = await emmett.appendToStream(
      `peer-emmett-${tag}-${writer}`,
      events(Number(version)).map(emmettEvent),
      version === 0n ? { expectedStreamVersion: "STREAM_DOES_NOT_EXIST" } : { expectedStreamVersion: version },
    )
    peerVersions[writer] = result.nextExpectedStreamVersion
    return size
  }
  return rotate(
    settings.rounds,
    async () => {
      await runFor(writers, settings.warmUpSeconds, ours)
      await runFor(writers, settings.warmUpSeconds, peer)
    },
    [() => runFor(writers, settings.seconds, ours), () => runFor(writers, settings.seconds, peer)],
  )
}

/** Both logs hold only what this bench wrote; each side loads `readEvents` more in batches of 1,000, then reads all. */
async function readWhole(log: EventLog, emmett: Emmett, pool: ReturnType<typeof dumbo>, settings: PeerSettings) {
  for (let i = 0; i < settings.readEvents; i += 1000) {
    const batch = benchEvents(Math.min(1000, settings.readEvents - i), i)
    const outcome = await log.append({
      streamId: `peer-read-${i % 100}`,
      streamType: STREAM_TYPE,
      expectedVersion: "any",
      events: batch,
    })
    if (!outcome.ok) throw new Error(`load failed: ${outcome.error._tag}`)
    await emmett.appendToStream(`peer-read-${i % 100}`, batch.map(emmettEvent))
  }
  await sql`VACUUM ANALYZE`.execute(log.database.owner)
  const expectedOurs = await log.count()
  // Emmett's own messages table, as its readMessagesBatch reads it
  const counted = await sql<{ n: string }>`SELECT count(*)::text AS n FROM emt_messages`.execute(log.database.owner)
  const expectedPeer = Number(counted.rows[0]?.n)
  const ours = async () => {
    let n = 0
    for await (const batch of log.readAll({ batchSize: settings.readBatch })) n += batch.length
    if (n !== expectedOurs) throw new Error(`ours read ${n} of ${expectedOurs}`)
    return n
  }
  const peer = async () => {
    let n = 0
    let after = 0n
    for (;;) {
      const { messages, currentGlobalPosition } = await readMessagesBatch(pool.execute, {
        after,
        batchSize: settings.readBatch,
      })
      if (messages.length === 0) break
      n += messages.length
      after = currentGlobalPosition
    }
    if (n !== expectedPeer) throw new Error(`Emmett read ${n} of ${expectedPeer}`)
    return n
  }
  return rotate(settings.rounds, async () => undefined, [() => runOnce(ours), () => runOnce(peer)])
}
