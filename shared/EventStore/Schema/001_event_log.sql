-- The event log, the stream heads, snapshots, checkpoints and the consumer inbox.
CREATE SEQUENCE IF NOT EXISTS mesh_events_position_seq;

CREATE TABLE IF NOT EXISTS mesh_events (
    position   bigint      PRIMARY KEY,
    stream_id  text        NOT NULL,
    version    bigint      NOT NULL,
    event_id   uuid        NOT NULL,
    type       text        NOT NULL,
    data       jsonb       NOT NULL,
    metadata   jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    tx_id      xid8        NOT NULL,
    CONSTRAINT mesh_events_stream_version UNIQUE (stream_id, version),
    CONSTRAINT mesh_events_event_id UNIQUE (event_id)
);
CREATE INDEX IF NOT EXISTS mesh_events_created_at ON mesh_events (created_at);

CREATE TABLE IF NOT EXISTS mesh_streams (
    stream_id  text        PRIMARY KEY,
    version    bigint      NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS mesh_snapshots (
    stream_id  text        PRIMARY KEY,
    version    bigint      NOT NULL,
    type       text        NOT NULL,
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS mesh_checkpoints (
    name       text        PRIMARY KEY,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS mesh_inbox (
    consumer     text        NOT NULL,
    message_id   uuid        NOT NULL,
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, message_id)
);

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

    PERFORM pg_advisory_lock(7243500001);
    txid := pg_current_xact_id();
    positions := ARRAY(SELECT nextval('mesh_events_position_seq') FROM generate_series(1, m));
    PERFORM pg_advisory_unlock(7243500001);

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
