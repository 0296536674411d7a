namespace Mesh.Sriov.Domain;

/// `SriovNetworkNodeState.status` as the node agent reports it (SRIOV-1).
public sealed record SriovNetworkNodeStateStatus(IReadOnlyList<SriovInterface> Interfaces, string? SyncStatus);
