-- Which nodes reported SR-IOV state, and which node and project hold each pod's VFs
-- (rebuilt from the log by SriovIndexProjection).
CREATE TABLE IF NOT EXISTS sriov_nodes (
    node text PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS sriov_pod_vfs (
    pod_uid text PRIMARY KEY,
    node text NOT NULL,
    project text NOT NULL
);
