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
