import { freshPostgres, DEFAULT_DATABASE_URL } from "./bench/targets.ts"
const t = await freshPostgres(DEFAULT_DATABASE_URL, 10)
const raw = t.raw(1)
await raw.query("CREATE TABLE bench_raw_events (LIKE es_events INCLUDING ALL)")
const ev = (i: string) => `jsonb_build_array(jsonb_build_object('eventId', gen_random_uuid(), 'type', 'WorkerRegistered', 'schemaVersion', 1,
 'data', '{"workerId":"w-1","fullName":"Nguyễn Thị Hồng Nhung","birthDate":"1998-04-12","province":"Nghệ An","commune":"Xã Diễn Châu","destination":"JP","occupation":"Điều dưỡng","contractMonths":36}'::jsonb,
 'metadata', '{"actor":{"userId":"can-bo-01","role":"officer","unit":"so-ldtbxh-nghe-an"},"commandId":"6f1c1c7e-0a9e-4c55-9f59-2f3d2b0a6c11","correlationId":"0d7f7a4e-5b7b-4c36-8d0b-3c1c5c1c2f22","source":{"kind":"api","requestId":"bench"}}'::jsonb,
 'occurredAt', '2026-01-15T00:00:00.000Z'))`
const N = 3000
async function timed(label: string, body: string) {
  const a = performance.now()
  await raw.query(`DO $$ DECLARE r record; BEGIN ${body} END $$`)
  console.log(label, ((performance.now() - a) / N * 1000).toFixed(1), "µs/call")
}
for (let rep = 0; rep < 2; rep++) {
await timed("es_append 1 event, 8 streams", `FOR i IN 1..${N} LOOP SELECT * INTO r FROM es_append('s' || ${rep} || '-' || (i % 8), 'Worker', 'any', ${ev("i")}, NULL); END LOOP;`)
await timed("es_append 1 event, own stream each", `FOR i IN 1..${N} LOOP SELECT * INTO r FROM es_append('n' || ${rep} || '-' || i, 'Worker', 'any', ${ev("i")}, NULL); END LOOP;`)
await timed("raw insert 1 row", `FOR i IN 1..${N} LOOP INSERT INTO bench_raw_events (stream_id, stream_type, stream_position, event_id, event_type, schema_version, data, metadata, occurred_at, recorded_at, hash)
  SELECT 'r' || ${rep} || '-' || (i % 8), 'Worker', i, (e->>'eventId')::uuid, e->>'type', 1, e->'data', e->'metadata', (e->>'occurredAt')::timestamptz, now(), '\\x00'::bytea FROM jsonb_array_elements(${ev("i")}) e; END LOOP;`)
await timed("build payload only", `FOR i IN 1..${N} LOOP SELECT ${ev("i")} AS x INTO r; END LOOP;`)
}
await t.drop()
