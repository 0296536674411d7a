-- mesh_append, moved out of 001 so that databases created before this change get the version that
-- never leaves the position lock held (CREATE OR REPLACE keeps the function's identity).
-- Appends events to one or more streams in the caller's transaction.
-- Stream heads are guarded by per-stream advisory locks (taken in a fixed order, no deadlock) and
-- the expected version; positions and the transaction id are taken together under one short
-- global lock, so that position order equals transaction-id order. That is what lets a reader
-- trust "tx_id < pg_snapshot_xmin(pg_current_snapshot())": no transaction still running can hold
-- a position below one it has read (ARCHITECTURE.md, Event sourcing).
CREATE OR REPLACE FUNCTION mesh_append(
    p_streams      text[],
    p_expected     bigint[],
    p_event_stream int[],
    p_event_ids    uuid[],
    p_types        text[],
    p_data         jsonb[],
    p_metadata     jsonb[],
    p_now          timestamptz)
RETURNS TABLE (out_position bigint, out_version bigint)
LANGUAGE plpgsql AS $$
DECLARE
    n         int := coalesce(array_length(p_streams, 1), 0);
    m         int := coalesce(array_length(p_event_ids, 1), 0);
    heads     bigint[];
    positions bigint[];
    versions  bigint[];
    txid      xid8;
    s         text;
    i         int;
    cur       bigint;
BEGIN
    IF m = 0 THEN
        RETURN;
    END IF;
    heads := array_fill(0::bigint, ARRAY[n]);
    versions := array_fill(0::bigint, ARRAY[m]);

    FOR s IN SELECT DISTINCT x FROM unnest(p_streams) AS x ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended('mesh-stream:' || s, 0));
    END LOOP;

    FOR i IN 1..n LOOP
        cur := NULL;
        SELECT st.version INTO cur FROM mesh_streams st WHERE st.stream_id = p_streams[i];
        heads[i] := coalesce(cur, 0);
        IF p_expected[i] >= 0 AND heads[i] <> p_expected[i] THEN
            RAISE EXCEPTION USING
                ERRCODE = 'MS001',
                MESSAGE = format('stream %s is at version %s, expected %s', p_streams[i], heads[i], p_expected[i]),
                DETAIL = p_streams[i],
                HINT = heads[i]::text;
        END IF;
    END LOOP;

    -- A session lock outlives a failed transaction, and pooled connections are not reset on return
    -- (DISCARD ALL would drop this function's cached plans): release it on every error, cancel included.
    BEGIN
        PERFORM pg_advisory_lock(7243500001);
        txid := pg_current_xact_id();
        positions := ARRAY(SELECT nextval('mesh_events_position_seq') FROM generate_series(1, m));
        PERFORM pg_advisory_unlock(7243500001);
    EXCEPTION WHEN OTHERS OR query_canceled THEN
        PERFORM pg_advisory_unlock(7243500001);
        RAISE;
    END;

    FOR i IN 1..m LOOP
        heads[p_event_stream[i]] := heads[p_event_stream[i]] + 1;
        versions[i] := heads[p_event_stream[i]];
    END LOOP;

    INSERT INTO mesh_events (position, stream_id, version, event_id, type, data, metadata, created_at, tx_id)
    SELECT positions[k], p_streams[p_event_stream[k]], versions[k], p_event_ids[k], p_types[k], p_data[k], p_metadata[k], p_now, txid
    FROM generate_series(1, m) AS k;

    INSERT INTO mesh_streams AS st (stream_id, version, created_at, updated_at)
    SELECT p_streams[k], heads[k], p_now, p_now FROM generate_series(1, n) AS k
    ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at;

    PERFORM pg_notify('mesh_events', '');

    RETURN QUERY SELECT positions[k], versions[k] FROM generate_series(1, m) AS k;
END
$$;
