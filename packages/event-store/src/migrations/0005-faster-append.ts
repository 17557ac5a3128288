import { sql, type Kysely } from "kysely"

/**
 * Faster appends, same results (measured in docs/benchmarks.md): the digest function is declared STABLE,
 * as its body really is (concat_ws, convert_to), so PostgreSQL can inline it instead of running it through
 * the SQL-function executor; digests are computed in one set-based pass; the stream row is locked with
 * FOR NO KEY UPDATE, which is all an append needs. Digest bytes and hash chains are unchanged.
 */
const digestFunction = sql`
CREATE OR REPLACE FUNCTION es_event_digest(
  p_stream_id text, p_stream_position bigint, p_event_id uuid, p_event_type text, p_schema_version integer,
  p_data jsonb, p_metadata jsonb, p_occurred_at timestamptz, p_recorded_at timestamptz
) RETURNS bytea LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT sha256(convert_to(concat_ws(chr(31),
    p_stream_id, p_stream_position::text, p_event_id::text, p_event_type, p_schema_version::text,
    p_data::text, p_metadata::text,
    (extract(epoch FROM p_occurred_at) * 1000000)::bigint::text,
    (extract(epoch FROM p_recorded_at) * 1000000)::bigint::text), 'UTF8'))
$$`

/**
 * One round trip per append. Order of work matters:
 *  1. idempotency: the same event ids again return the original result and write nothing;
 *  2. the stream row is locked and the expected version checked BEFORE any position is taken;
 *  3. events are inserted with their chained hashes; UNIQUE (stream_id, stream_position) is the backstop.
 * p_expected: 'any' | 'no_stream' | 'exists' | a decimal version.
 */
const appendFunction = sql`
CREATE OR REPLACE FUNCTION es_append(
  p_stream_id text, p_stream_type text, p_expected text, p_events jsonb, p_recorded_at timestamptz
) RETURNS TABLE (
  status text, actual_version bigint, first_position bigint, last_position bigint,
  transaction_id text, recorded_at timestamptz
) LANGUAGE plpgsql AS $$
DECLARE
  v_count integer := jsonb_array_length(p_events);
  v_ids uuid[];
  v_found integer;
  v_found_stream text;
  v_version bigint;
  v_hash bytea;
  v_recorded timestamptz := coalesce(p_recorded_at, now());
  v_hashes bytea[] := '{}';
  v_digests bytea[];
  i integer;
BEGIN
  IF v_count = 0 THEN
    RAISE EXCEPTION 'es_append: no events' USING ERRCODE = '22023';
  END IF;
  SELECT array_agg((e->>'eventId')::uuid) INTO v_ids FROM jsonb_array_elements(p_events) e;

  SELECT count(*), min(ev.stream_id), min(ev.stream_position), max(ev.stream_position),
         min(ev.transaction_id::text), min(ev.recorded_at)
    INTO v_found, v_found_stream, first_position, last_position, transaction_id, recorded_at
    FROM es_events ev WHERE ev.event_id = ANY (v_ids);
  IF v_found > 0 THEN
    IF v_found = v_count AND v_found_stream = p_stream_id THEN
      status := 'duplicate';
      SELECT s.version INTO actual_version FROM es_streams s WHERE s.stream_id = p_stream_id;
      RETURN NEXT; RETURN;
    END IF;
    status := 'idempotency_conflict'; RETURN NEXT; RETURN;
  END IF;

  SELECT s.version, s.last_hash INTO v_version, v_hash FROM es_streams s WHERE s.stream_id = p_stream_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    IF p_expected NOT IN ('any', 'no_stream', '0') THEN
      status := 'wrong_expected_version'; actual_version := 0; RETURN NEXT; RETURN;
    END IF;
    INSERT INTO es_streams (stream_id, stream_type, version, last_hash)
      VALUES (p_stream_id, p_stream_type, 0, '\\x'::bytea) ON CONFLICT (stream_id) DO NOTHING;
    -- a concurrent first append may have won the insert: lock and read what is there now
    SELECT s.version, s.last_hash INTO v_version, v_hash FROM es_streams s WHERE s.stream_id = p_stream_id FOR NO KEY UPDATE;
  END IF;

  IF (p_expected = 'no_stream' AND v_version <> 0)
     OR (p_expected = 'exists' AND v_version = 0)
     OR (p_expected NOT IN ('any', 'no_stream', 'exists') AND v_version <> p_expected::bigint) THEN
    status := 'wrong_expected_version'; actual_version := v_version; RETURN NEXT; RETURN;
  END IF;

  -- digests in one set-based pass; only the chain step itself is sequential
  SELECT array_agg(es_event_digest(p_stream_id, v_version + e.ord, (e.v->>'eventId')::uuid, e.v->>'type',
           (e.v->>'schemaVersion')::integer, e.v->'data', e.v->'metadata', (e.v->>'occurredAt')::timestamptz, v_recorded)
           ORDER BY e.ord)
    INTO v_digests FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(v, ord);
  FOR i IN 1 .. v_count LOOP
    v_hash := sha256(v_hash || v_digests[i]);
    v_hashes[i] := v_hash;
  END LOOP;

  INSERT INTO es_events (stream_id, stream_type, stream_position, event_id, event_type, schema_version,
                         data, metadata, occurred_at, recorded_at, hash)
  SELECT p_stream_id, p_stream_type, v_version + e.ord, (e.v->>'eventId')::uuid, e.v->>'type',
         (e.v->>'schemaVersion')::integer, e.v->'data', e.v->'metadata', (e.v->>'occurredAt')::timestamptz,
         v_recorded, v_hashes[e.ord]
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(v, ord)
   ORDER BY e.ord;

  UPDATE es_streams SET version = v_version + v_count, last_hash = v_hash, updated_at = now()
   WHERE es_streams.stream_id = p_stream_id;

  status := 'ok';
  actual_version := v_version + v_count;
  first_position := v_version + 1;
  last_position := v_version + v_count;
  transaction_id := pg_current_xact_id()::text;
  recorded_at := v_recorded;
  RETURN NEXT;
END
$$`

export async function up(db: Kysely<unknown>): Promise<void> {
  await digestFunction.execute(db)
  await appendFunction.execute(db)
}
