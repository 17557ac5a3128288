import { sql, type Kysely } from "kysely"
import { APP_ROLE } from "./0004-application-role.ts"

/**
 * Several appends, to several streams, in one round trip (docs/benchmarks.md: the demo's 40,000 one-event
 * appends were 40,000 calls of es_append). Same rules as es_append, request by request in the order given:
 * idempotency by event id (a request whose ids are all in its stream already is a duplicate and writes
 * nothing), the stream lock, the stream type and the expected version checked against the stream as the
 * requests before it in the batch leave it, the hash chain, UNIQUE (stream_id, stream_position) as the
 * backstop. All or nothing: when any request fails, nothing is written and every request's status says
 * which failed. Events get their global positions in the order of the batch.
 *
 * p_requests: [{ streamId, streamType, expected ('any' | 'no_stream' | 'exists' | a decimal version),
 *                recordedAt (null: now()), events: [{ eventId, type, schemaVersion, data, metadata, occurredAt }] }]
 */
const appendBatchFunction = sql`
CREATE OR REPLACE FUNCTION es_append_batch(p_requests jsonb)
RETURNS TABLE (
  ord integer, status text, actual_version bigint, first_position bigint, last_position bigint,
  transaction_id text, recorded_at timestamptz
) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  v_failed boolean;
  v_new text[];
  v_hash bytea;
  v_hashes bytea[] := '{}';
  v_last_streams text[] := '{}';
  v_last_versions bigint[] := '{}';
  v_last_hashes bytea[] := '{}';
  r record;
BEGIN
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_requests) q WHERE jsonb_array_length(q->'events') = 0) THEN
    RAISE EXCEPTION 'es_append_batch: a request without events' USING ERRCODE = '22023';
  END IF;

  -- Lock every stream of the batch (in one order, so two batches cannot deadlock), then judge each request.
  PERFORM 1 FROM es_streams s
    WHERE s.stream_id IN (SELECT q->>'streamId' FROM jsonb_array_elements(p_requests) q)
    ORDER BY s.stream_id FOR NO KEY UPDATE;

  CREATE TEMP TABLE IF NOT EXISTS es_batch_requests (
    ord integer, stream_id text, stream_type text, expected text, n integer, recorded timestamptz, events jsonb,
    status text, base bigint, actual bigint, first_position bigint, last_position bigint,
    transaction_id text, recorded_at timestamptz, last_hash bytea, is_new boolean
  ) ON COMMIT DROP;
  TRUNCATE es_batch_requests;

  INSERT INTO es_batch_requests
  WITH req AS (
    SELECT q.ord::integer AS ord, q.v->>'streamId' AS stream_id, q.v->>'streamType' AS stream_type,
           q.v->>'expected' AS expected, jsonb_array_length(q.v->'events') AS n,
           coalesce((q.v->>'recordedAt')::timestamptz, now()) AS recorded, q.v->'events' AS events
      FROM jsonb_array_elements(p_requests) WITH ORDINALITY AS q(v, ord)
  ), found AS (
    SELECT req.ord, count(*) AS found, bool_and(ev.stream_id = req.stream_id) AS same_stream,
           min(ev.stream_position) AS first_position, max(ev.stream_position) AS last_position,
           min(ev.transaction_id::text) AS transaction_id, min(ev.recorded_at) AS recorded_at
      FROM req CROSS JOIN LATERAL jsonb_array_elements(req.events) e
      JOIN es_events ev ON ev.event_id = (e->>'eventId')::uuid
     GROUP BY req.ord
  ), judged AS (
    SELECT req.*, s.stream_id IS NULL AS is_new, s.last_hash, f.found, f.same_stream, f.first_position AS dup_first,
           f.last_position AS dup_last, f.transaction_id AS dup_transaction, f.recorded_at AS dup_recorded,
           coalesce(s.stream_type, first_value(req.stream_type) OVER w) AS actual_type,
           coalesce(s.version, 0) AS version_before,
           -- the stream as the requests before this one leave it (duplicates write nothing)
           coalesce(s.version, 0) + coalesce(sum(CASE WHEN f.found IS NULL THEN req.n ELSE 0 END)
             OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS base,
           coalesce(s.version, 0) + sum(CASE WHEN f.found IS NULL THEN req.n ELSE 0 END) OVER (PARTITION BY req.stream_id)
             AS version_after
      FROM req LEFT JOIN es_streams s ON s.stream_id = req.stream_id LEFT JOIN found f ON f.ord = req.ord
    WINDOW w AS (PARTITION BY req.stream_id ORDER BY req.ord)
  )
  SELECT j.ord, j.stream_id, j.stream_type, j.expected, j.n, j.recorded, j.events,
         CASE
           WHEN j.found IS NOT NULL AND j.found = j.n AND j.same_stream THEN 'duplicate'
           WHEN j.found IS NOT NULL THEN 'idempotency_conflict'
           WHEN j.actual_type IS DISTINCT FROM j.stream_type THEN 'stream_type_mismatch'
           WHEN (j.expected = 'no_stream' AND j.base <> 0) OR (j.expected = 'exists' AND j.base = 0)
             OR (j.expected NOT IN ('any', 'no_stream', 'exists') AND j.base <> j.expected::bigint)
             THEN 'wrong_expected_version'
           ELSE 'ok'
         END,
         j.base,
         CASE WHEN j.found IS NOT NULL THEN j.version_after ELSE j.base END,
         CASE WHEN j.found IS NOT NULL THEN j.dup_first ELSE j.base + 1 END,
         CASE WHEN j.found IS NOT NULL THEN j.dup_last ELSE j.base + j.n END,
         CASE WHEN j.found IS NOT NULL THEN j.dup_transaction ELSE pg_current_xact_id()::text END,
         CASE WHEN j.found IS NOT NULL THEN j.dup_recorded ELSE j.recorded END,
         j.last_hash, j.is_new
    FROM judged j;

  SELECT bool_or(b.status NOT IN ('ok', 'duplicate')) INTO v_failed FROM es_batch_requests b;
  IF v_failed THEN
    RETURN QUERY SELECT b.ord, b.status, b.actual, NULL::bigint, NULL::bigint, NULL::text, NULL::timestamptz
      FROM es_batch_requests b ORDER BY b.ord;
    RETURN;
  END IF;

  -- New streams; one a concurrent append created first is a version conflict (the caller may retry).
  SELECT array_agg(DISTINCT b.stream_id) INTO v_new FROM es_batch_requests b WHERE b.is_new AND b.status = 'ok';
  IF v_new IS NOT NULL THEN
    INSERT INTO es_streams (stream_id, stream_type, version, last_hash)
    SELECT DISTINCT ON (b.stream_id) b.stream_id, b.stream_type, 0, '\\x'::bytea
      FROM es_batch_requests b WHERE b.stream_id = ANY (v_new) ORDER BY b.stream_id, b.ord
    ON CONFLICT (stream_id) DO NOTHING;
    IF EXISTS (SELECT 1 FROM es_streams s JOIN es_batch_requests b ON b.stream_id = s.stream_id
                WHERE s.stream_id = ANY (v_new) AND (s.version <> 0 OR s.stream_type <> b.stream_type)) THEN
      RETURN QUERY SELECT b.ord, CASE WHEN b.stream_id = ANY (v_new) THEN 'wrong_expected_version' ELSE 'ok' END,
                          b.actual, NULL::bigint, NULL::bigint, NULL::text, NULL::timestamptz
        FROM es_batch_requests b ORDER BY b.ord;
      RETURN;
    END IF;
    PERFORM 1 FROM es_streams s WHERE s.stream_id = ANY (v_new) ORDER BY s.stream_id FOR NO KEY UPDATE;
    UPDATE es_batch_requests b SET last_hash = '\\x'::bytea WHERE b.stream_id = ANY (v_new);
  END IF;

  -- Digests set-based; the chain step per stream, in stream order.
  FOR r IN
    SELECT b.stream_id, b.base + e.i AS position, b.last_hash,
           es_event_digest(b.stream_id, b.base + e.i, (e.v->>'eventId')::uuid, e.v->>'type',
             (e.v->>'schemaVersion')::integer, e.v->'data', e.v->'metadata', (e.v->>'occurredAt')::timestamptz,
             b.recorded) AS digest,
           row_number() OVER (PARTITION BY b.stream_id ORDER BY b.ord, e.i) = 1 AS first_in_stream,
           row_number() OVER (PARTITION BY b.stream_id ORDER BY b.ord DESC, e.i DESC) = 1 AS last_in_stream
      FROM es_batch_requests b CROSS JOIN LATERAL jsonb_array_elements(b.events) WITH ORDINALITY AS e(v, i)
     WHERE b.status = 'ok'
     ORDER BY b.stream_id, b.ord, e.i
  LOOP
    IF r.first_in_stream THEN v_hash := r.last_hash; END IF;
    v_hash := sha256(v_hash || r.digest);
    v_hashes := array_append(v_hashes, v_hash);
    IF r.last_in_stream THEN
      v_last_streams := array_append(v_last_streams, r.stream_id);
      v_last_versions := array_append(v_last_versions, r.position);
      v_last_hashes := array_append(v_last_hashes, v_hash);
    END IF;
  END LOOP;

  INSERT INTO es_events (stream_id, stream_type, stream_position, event_id, event_type, schema_version,
                         data, metadata, occurred_at, recorded_at, hash)
  SELECT x.stream_id, x.stream_type, x.position, (x.v->>'eventId')::uuid, x.v->>'type',
         (x.v->>'schemaVersion')::integer, x.v->'data', x.v->'metadata', (x.v->>'occurredAt')::timestamptz,
         x.recorded, h.hash
    FROM (SELECT b.ord, e.i, b.stream_id, b.stream_type, b.base + e.i AS position, e.v, b.recorded,
                 row_number() OVER (ORDER BY b.stream_id, b.ord, e.i) AS chain_order
            FROM es_batch_requests b CROSS JOIN LATERAL jsonb_array_elements(b.events) WITH ORDINALITY AS e(v, i)
           WHERE b.status = 'ok') x
    JOIN unnest(v_hashes) WITH ORDINALITY AS h(hash, n) ON h.n = x.chain_order
   ORDER BY x.ord, x.i;

  UPDATE es_streams s SET version = l.version, last_hash = l.hash, updated_at = now()
    FROM unnest(v_last_streams, v_last_versions, v_last_hashes) AS l(stream_id, version, hash)
   WHERE s.stream_id = l.stream_id;

  RETURN QUERY SELECT b.ord, b.status, CASE WHEN b.status = 'ok' THEN b.base + b.n ELSE b.actual END,
                      b.first_position, b.last_position, b.transaction_id, b.recorded_at
    FROM es_batch_requests b ORDER BY b.ord;
END
$$`

export async function up(db: Kysely<unknown>): Promise<void> {
  await appendBatchFunction.execute(db)
  await sql`
    DO $$
    BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${sql.raw(APP_ROLE)}') THEN
        GRANT EXECUTE ON FUNCTION es_append_batch(jsonb) TO ${sql.raw(APP_ROLE)};
      END IF;
    END
    $$`.execute(db)
}
