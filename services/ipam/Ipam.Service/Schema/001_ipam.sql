-- Inline read models (same transaction as the append): the subnet directory and who holds what now.
CREATE TABLE IF NOT EXISTS ipam_subnets (
    name        text    PRIMARY KEY,
    vpc         text    NOT NULL,
    provider    text    NOT NULL,
    cidr_block  text    NOT NULL,
    namespaces  text[]  NOT NULL,
    project_ids text[]  NOT NULL,
    deleted     boolean NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS ipam_vpcs (
    name           text   PRIMARY KEY,
    namespaces     text[] NOT NULL,
    default_subnet text
);

CREATE TABLE IF NOT EXISTS ipam_allocations (
    subnet        text        NOT NULL,
    pod_uid       text        NOT NULL,
    interface     text        NOT NULL,
    pod_namespace text        NOT NULL,
    pod_name      text        NOT NULL,
    node          text        NOT NULL,
    project       text        NOT NULL,
    v4            text,
    v6            text,
    mac           text        NOT NULL,
    allocated_at  timestamptz NOT NULL,
    generation    bigint      NOT NULL,
    PRIMARY KEY (subnet, pod_uid, interface)
);
CREATE INDEX IF NOT EXISTS ipam_allocations_pod ON ipam_allocations (pod_uid);
CREATE INDEX IF NOT EXISTS ipam_allocations_node ON ipam_allocations (node);
CREATE INDEX IF NOT EXISTS ipam_allocations_v4 ON ipam_allocations (v4);
CREATE INDEX IF NOT EXISTS ipam_allocations_v6 ON ipam_allocations (v6);

-- Async read model (IPAM-13): one row per address per allocation, closed by its release.
CREATE TABLE IF NOT EXISTS address_history (
    id                 bigserial   PRIMARY KEY,
    ip                 text        NOT NULL,
    subnet             text        NOT NULL,
    pod_uid            text        NOT NULL,
    pod_namespace      text        NOT NULL,
    pod_name           text        NOT NULL,
    interface          text        NOT NULL,
    node               text        NOT NULL,
    project            text        NOT NULL,
    mac                text        NOT NULL,
    allocated_at       timestamptz NOT NULL,
    allocated_position bigint      NOT NULL,
    allocated_by       text        NOT NULL,
    allocated_command  text,
    correlation_id     uuid,
    released_at        timestamptz,
    released_position  bigint,
    released_by        text,
    release_reason     text
);
CREATE INDEX IF NOT EXISTS address_history_ip ON address_history (ip, allocated_at);
CREATE INDEX IF NOT EXISTS address_history_open ON address_history (subnet, pod_uid, interface) WHERE released_at IS NULL;
