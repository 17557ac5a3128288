import { randomUUID } from "node:crypto"
import { allEventTypes, encodeEvent, QuotaPlan, ReportingObligation } from "@xkld/domain"
import { sql } from "kysely"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { historyFixture, type Fixture } from "./history.ts"

const backend = process.env.DATABASE_URL ? "postgres" : "pglite"
let fx: Fixture
beforeAll(async () => {
  // the demo loader's own path: seed documents, then a generated history (recordSeedDocuments, recordHistory)
  fx = await historyFixture(4000)
})
afterAll(() => fx.close())

const kindOf = new Map(allEventTypes.map((entry) => [entry.type, entry.streamType]))

/** Streams whose rows disagree on their type, or hold an event type of another kind (or of none). */
const mixedStreams = async () => {
  const { rows } = await sql<{ stream_id: string; stream_type: string; types: string[]; row_types: string[] }>`
    SELECT e.stream_id, s.stream_type, array_agg(DISTINCT e.event_type) AS types,
           array_agg(DISTINCT e.stream_type) AS row_types
      FROM es_events e JOIN es_streams s USING (stream_id)
     GROUP BY e.stream_id, s.stream_type`.execute(fx.log.database.db)
  return {
    streams: rows.length,
    mixed: rows.filter(
      (r) =>
        r.row_types.length !== 1 ||
        r.row_types[0] !== r.stream_type ||
        r.types.some((type) => kindOf.get(type) !== r.stream_type),
    ),
  }
}

describe(`streams of the demo history (${backend})`, () => {
  test("every stream has one stream type, and each of its event types belongs to that kind", async () => {
    const { streams, mixed } = await mixedStreams()
    expect(streams).toBeGreaterThan(500)
    expect(mixed).toEqual([])
    const { rows } = await sql<{ n: number }>`SELECT count(DISTINCT stream_type)::int AS n FROM es_streams`.execute(
      fx.log.database.db,
    )
    expect(rows[0]!.n).toBeGreaterThanOrEqual(6)
  })
})

describe(`an event of another kind in a stream (${backend})`, () => {
  test("pauses only the projection that folds that stream, naming the stream and the event; the others keep going", async () => {
    const { testEvent } = await import("@xkld/event-store/testing")
    // a plan stream that also holds a reporting obligation: the right stream type, an event of another kind
    // (what a stream written before migration 0006 with a caller's id could hold)
    const planStream = `quota-plan:14:2032:mixed-${randomUUID().slice(0, 8)}`
    const issued = encodeEvent(
      new QuotaPlan.PlanIssued({
        ...QuotaPlan.quotaPlanSeedEvents().find((e) => e.streamId === QuotaPlan.sonLa2026PlanId)!.event,
        planId: planStream,
        year: 2032,
      } as any),
    )
    const set = encodeEvent(ReportingObligation.reportingObligationSeedEvents()[0]!.event)
    const foreign = { ...testEvent(set.data, set.type), schemaVersion: set.schemaVersion }
    const appended = await fx.log.append({
      streamId: planStream,
      streamType: QuotaPlan.quotaPlanStreamType,
      expectedVersion: "no_stream",
      events: [{ ...testEvent(issued.data, issued.type), schemaVersion: issued.schemaVersion }, foreign],
    })
    expect(appended.ok).toBe(true)
    // a healthy obligation after it, for the projection that should keep going
    const obligationStream = `reporting-obligation:14:2032:ad-hoc:${randomUUID().slice(0, 8)}`
    const healthy = encodeEvent(
      new ReportingObligation.ReportingObligationSet({
        ...(ReportingObligation.reportingObligationSeedEvents()[0]!
          .event as ReportingObligation.ReportingObligationSet),
        obligationId: obligationStream,
      }),
    )
    expect(
      (
        await fx.log.append({
          streamId: obligationStream,
          streamType: ReportingObligation.reportingObligationStreamType,
          expectedVersion: "no_stream",
          events: [{ ...testEvent(healthy.data, healthy.type), schemaVersion: healthy.schemaVersion }],
        })
      ).ok,
    ).toBe(true)

    await fx.models.runner.caughtUp()
    const status = await fx.models.runner.status()
    const plans = status.find((s) => s.projection === "plans")!
    expect(plans).toMatchObject({
      state: "paused",
      failedEventId: foreign.eventId,
      failedEventType: "ReportingObligationSet",
      failedStreamId: planStream,
    })
    expect(plans.errorMessage).toContain(
      `Luồng ${planStream} có sự kiện ReportingObligationSet không thuộc loại QuotaPlan / stream ${planStream} holds an event ReportingObligationSet that is not a QuotaPlan event`,
    )
    expect(status.filter((s) => s.projection !== "plans").map((s) => [s.projection, s.state])).toEqual(
      status.filter((s) => s.projection !== "plans").map((s) => [s.projection, "running"]),
    )
    // the obligation written after the fault is in its read model
    const obligations = await fx.models.obligations({ provinceCode: "14" })
    expect(obligations.some((o: any) => o.obligationId === obligationStream)).toBe(true)
    // resuming without a repair pauses again on the same event: nothing is skipped silently
    await fx.models.runner.resume("plans")
    await fx.models.runner.caughtUp("plans")
    expect((await fx.models.runner.status()).find((s) => s.projection === "plans")).toMatchObject({
      state: "paused",
      failedEventId: foreign.eventId,
    })
  })
})
