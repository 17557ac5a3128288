import { randomUUID } from "node:crypto"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { openEventLog, type EventLog, type NewEvent } from "../src/index.ts"
import { openTestDatabase, testEvent } from "../src/testing/index.ts"

let log: EventLog
beforeAll(async () => {
  log = await openEventLog(await openTestDatabase())
})
afterAll(() => log.close())

const stream = () => `test-${randomUUID()}`
const appendTo = (streamId: string, expectedVersion: any, events: NewEvent[]) =>
  log.append({ streamId, streamType: "Test", expectedVersion, events })

describe(`append (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  test("no_stream creates, a second no_stream conflicts with the actual version and writes nothing", async () => {
    const id = stream()
    const first = await appendTo(id, "no_stream", [testEvent(), testEvent()])
    expect(first).toMatchObject({
      ok: true,
      result: { nextExpectedVersion: 2, firstStreamPosition: 1, lastStreamPosition: 2 },
    })
    const second = await appendTo(id, "no_stream", [testEvent()])
    expect(second).toMatchObject({ ok: false, error: { _tag: "WrongExpectedVersion", actualVersion: 2 } })
    expect(await log.readStream(id)).toHaveLength(2)
  })

  test("exact version: right one appends, stale one conflicts", async () => {
    const id = stream()
    await appendTo(id, "no_stream", [testEvent()])
    expect(await appendTo(id, 1, [testEvent()])).toMatchObject({ ok: true, result: { nextExpectedVersion: 2 } })
    expect(await appendTo(id, 1, [testEvent()])).toMatchObject({ ok: false, error: { actualVersion: 2 } })
    expect(await appendTo(stream(), 3, [testEvent()])).toMatchObject({ ok: false, error: { actualVersion: 0 } })
  })

  test("stream_exists requires a stream; any always appends", async () => {
    const id = stream()
    expect(await appendTo(id, "stream_exists", [testEvent()])).toMatchObject({ ok: false, error: { actualVersion: 0 } })
    expect(await appendTo(id, "any", [testEvent()])).toMatchObject({ ok: true })
    expect(await appendTo(id, "stream_exists", [testEvent()])).toMatchObject({
      ok: true,
      result: { nextExpectedVersion: 2 },
    })
    expect(await appendTo(id, "any", [testEvent()])).toMatchObject({ ok: true, result: { nextExpectedVersion: 3 } })
  })

  test("idempotent: retrying the same event ids returns the original result and writes nothing", async () => {
    const id = stream()
    const events = [testEvent({ n: 1 }), testEvent({ n: 2 })]
    const first = await appendTo(id, "no_stream", events)
    const before = await log.count()
    const retry = await appendTo(id, "no_stream", events)
    expect(retry.ok && retry.result).toMatchObject({
      duplicate: true,
      firstStreamPosition: 1,
      lastStreamPosition: 2,
      transactionId: first.ok ? first.result.transactionId : -1n,
    })
    expect(await log.count()).toBe(before)
  })

  test("event ids reused in a different append are refused", async () => {
    const id = stream()
    const event = testEvent()
    await appendTo(id, "no_stream", [event])
    expect(await appendTo(id, "any", [event, testEvent()])).toMatchObject({
      ok: false,
      error: { _tag: "IdempotencyConflict" },
    })
    expect(await appendTo(stream(), "any", [event])).toMatchObject({
      ok: false,
      error: { _tag: "IdempotencyConflict" },
    })
  })

  test("atomic: a batch with one bad event writes none of it", async () => {
    const id = stream()
    // the third event breaks a database rule (schema version ≥ 1) after two were already inserted
    const outcome = await appendTo(id, "no_stream", [testEvent(), testEvent(), { ...testEvent(), schemaVersion: 0 }])
    expect(outcome).toMatchObject({ ok: false, error: { _tag: "StoreFailure" } })
    const badDate = await appendTo(id, "no_stream", [testEvent(), { ...testEvent(), occurredAt: new Date(Number.NaN) }])
    expect(badDate).toMatchObject({ ok: false, error: { _tag: "StoreFailure" } })
    const dup = testEvent()
    expect((await appendTo(id, "no_stream", [dup, { ...testEvent(), eventId: dup.eventId }])).ok).toBe(false)
    expect(await log.readStream(id)).toHaveLength(0)
    expect(await appendTo(id, "no_stream", [testEvent()])).toMatchObject({
      ok: true,
      result: { nextExpectedVersion: 1 },
    })
  })

  test("large payloads round-trip", async () => {
    const id = stream()
    const big = { rows: Array.from({ length: 20_000 }, (_, i) => ({ i, name: `Lò Văn ${i}`, note: "x".repeat(100) })) }
    expect((await appendTo(id, "no_stream", [testEvent(big)])).ok).toBe(true)
    const [read] = await log.readStream(id)
    expect(read?.data).toEqual(big)
  })

  test("Vietnamese text in NFC and NFD round-trips byte-exact", async () => {
    const id = stream()
    const nfc = "Phường Tô Hiệu, Xã Chiềng Ơn, Đoàn Kết".normalize("NFC")
    const nfd = nfc.normalize("NFD")
    expect(nfc).not.toBe(nfd)
    await appendTo(id, "no_stream", [testEvent({ nfc, nfd, [nfd]: nfc })])
    const [read] = await log.readStream(id)
    expect(Buffer.from(read?.data.nfc, "utf8").equals(Buffer.from(nfc, "utf8"))).toBe(true)
    expect(Buffer.from(read?.data.nfd, "utf8").equals(Buffer.from(nfd, "utf8"))).toBe(true)
    expect(read?.data[nfd]).toBe(nfc)
    expect((await log.verify()).ok).toBe(true)
  })

  test("metadata, business time and recorded time are stored with each event", async () => {
    const id = stream()
    const event: NewEvent = {
      ...testEvent(),
      occurredAt: new Date("2025-06-30T10:00:00Z"),
      metadata: {
        actor: { userId: "u-1", role: "commune-officer", unit: "03646" },
        commandId: "c-1",
        correlationId: "corr-1",
        causationId: "cause-1",
        legalBasis: { number: "2553/ĐA-UBND", date: "2025-09-30", issuer: "UBND tỉnh Sơn La" },
        source: { kind: "import", fileName: "danh-sach.xlsx", fileSha256: "ab", row: 7 },
      },
    }
    const outcome = await appendTo(id, "no_stream", [event])
    const [read] = await log.readStream(id)
    expect(read?.metadata).toEqual(event.metadata)
    expect(read?.occurredAt.toISOString()).toBe("2025-06-30T10:00:00.000Z")
    expect(read?.recordedAt.getTime()).toBe(outcome.ok ? outcome.result.recordedAt.getTime() : -1)
    expect(Math.abs(Date.now() - (read?.recordedAt.getTime() ?? 0))).toBeLessThan(60_000)
  })

  test("a caller cannot set the recorded time unless the store allows it (demo history)", async () => {
    const id = stream()
    await log.append({
      streamId: id,
      streamType: "Test",
      expectedVersion: "any",
      events: [testEvent()],
      recordedAt: new Date("2024-01-01T00:00:00Z"),
    })
    const [read] = await log.readStream(id)
    expect(read?.recordedAt.getUTCFullYear()).not.toBe(2024)
  })
})
