-- Read models of the FIP service. fip_pools/fip_fips/fip_rules: inline projection of the pool streams.
-- world_*: what the VPC and IPAM services announced (consumed events), for FIP-4 resolution.
CREATE TABLE IF NOT EXISTS fip_pools (
    external_network_id text PRIMARY KEY,
    name text NOT NULL,
    cidr text NOT NULL,
    gateway text NOT NULL
);
CREATE TABLE IF NOT EXISTS fip_fips (
    name text PRIMARY KEY,
    external_network_id text NOT NULL,
    project text NOT NULL,
    address text NOT NULL,
    idempotency_key text NOT NULL
);
CREATE INDEX IF NOT EXISTS fip_fips_project ON fip_fips (project);
CREATE TABLE IF NOT EXISTS fip_rules (
    rule_id text PRIMARY KEY,
    external_network_id text NOT NULL,
    kind text NOT NULL,
    fip text NOT NULL,
    project text NOT NULL,
    internal_ip text NULL,
    body jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS fip_rules_ip ON fip_rules (internal_ip);
CREATE TABLE IF NOT EXISTS world_external_networks (
    id text PRIMARY KEY,
    name text NOT NULL,
    cidr text NOT NULL,
    gateway text NOT NULL
);
CREATE TABLE IF NOT EXISTS world_vpcs (
    name text PRIMARY KEY,
    external_network_id text NULL,
    gateway_node text NULL
);
CREATE TABLE IF NOT EXISTS world_subnets (
    name text PRIMARY KEY,
    vpc text NOT NULL,
    cidr_v4 text NULL
);
CREATE TABLE IF NOT EXISTS world_nat_gateways (
    name text PRIMARY KEY,
    vpc text NOT NULL
);
CREATE TABLE IF NOT EXISTS world_addresses (
    ip text PRIMARY KEY,
    pod_uid text NOT NULL,
    pod_namespace text NOT NULL,
    pod_name text NOT NULL,
    subnet text NOT NULL,
    vpc text NOT NULL,
    node text NOT NULL,
    project text NOT NULL,
    generation bigint NOT NULL,
    released boolean NOT NULL
);
CREATE INDEX IF NOT EXISTS world_addresses_ip_name ON world_addresses ((pod_name || '.' || pod_namespace));
