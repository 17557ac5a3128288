import { sql, type Kysely } from "kysely"

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
  v_stream_type text;
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

  SELECT s.version, s.last_hash, s.stream_type INTO v_version, v_hash, v_stream_type
    FROM es_streams s WHERE s.stream_id = p_stream_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    IF p_expected NOT IN ('any', 'no_stream', '0') THEN
      status := 'wrong_expected_version'; actual_version := 0; RETURN NEXT; RETURN;
    END IF;
    INSERT INTO es_streams (stream_id, stream_type, version, last_hash)
      VALUES (p_stream_id, p_stream_type, 0, '\\x'::bytea) ON CONFLICT (stream_id) DO NOTHING;
    -- a concurrent first append may have won the insert: lock and read what is there now
    SELECT s.version, s.last_hash, s.stream_type INTO v_version, v_hash, v_stream_type
      FROM es_streams s WHERE s.stream_id = p_stream_id FOR NO KEY UPDATE;
  END IF;

  -- a stream has one type for its whole life: events of another kind never join it
  IF v_stream_type IS DISTINCT FROM p_stream_type THEN
    status := 'stream_type_mismatch'; actual_version := v_version; RETURN NEXT; RETURN;
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
  await appendFunction.execute(db)
}
