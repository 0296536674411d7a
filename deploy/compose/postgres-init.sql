-- Runs once, when the postgres container initialises an empty data volume
-- (/docker-entrypoint-initdb.d). One database per service; no service reads another's.
CREATE DATABASE mesh_vpc;
CREATE DATABASE mesh_ipam;
CREATE DATABASE mesh_fip;
CREATE DATABASE mesh_sriov;
CREATE DATABASE mesh_gpu;
