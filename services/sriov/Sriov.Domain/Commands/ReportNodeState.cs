namespace Mesh.Sriov.Domain;

/// The node agent's `SriovNetworkNodeState.status` (SRIOV-1).
public sealed record ReportNodeState(string Node, SriovNetworkNodeStateStatus Status);
