namespace Mesh.Sriov.Domain;

/// `SriovNetworkNodeState.status` as the node agent reports it (SRIOV-1).
/// `ObservedGeneration`: the generation of the desired configuration the agent applied (SRIOV-5a).
public sealed record SriovNetworkNodeStateStatus(IReadOnlyList<SriovInterface> Interfaces, string? SyncStatus, long? ObservedGeneration = null);
