-- The cluster view the scheduler reads (every node's committed inventory) and the pods holding cards,
-- kept inline with the append (GpuNodeProjection); rebuildable from the log.
CREATE TABLE IF NOT EXISTS gpu_nodes (
    name       text        PRIMARY KEY,
    arch       text        NOT NULL,
    labels     jsonb       NOT NULL,
    taints     jsonb       NOT NULL,
    devices    jsonb       NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS gpu_assignments (
    pod_uid    text        NOT NULL,
    node       text        NOT NULL,
    project    text        NOT NULL,
    data       jsonb       NOT NULL,
    PRIMARY KEY (pod_uid, node)
);
CREATE INDEX IF NOT EXISTS gpu_assignments_node ON gpu_assignments (node);
