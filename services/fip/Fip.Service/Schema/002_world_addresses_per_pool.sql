-- POOL-1 (issue 27.3): an address is held at most once per routing domain, not once in the platform: the
-- overlay net192 and the underlay ibnics both hold 192.168.100.x. Keyed by IP alone, the release of an
-- SR-IOV address overwrote (and could reclaim the NAT rules of) the overlay pod's. Key by (pool, address).
ALTER TABLE world_addresses DROP CONSTRAINT IF EXISTS world_addresses_pkey;
ALTER TABLE world_addresses ADD PRIMARY KEY (subnet, ip);
CREATE INDEX IF NOT EXISTS world_addresses_ip ON world_addresses (ip);
