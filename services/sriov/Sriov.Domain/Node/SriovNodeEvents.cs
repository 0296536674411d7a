using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

// Events of a node's stream `sriov-node-<name>`. Stored type names: SriovEventTypes.

public sealed record NodeLabelsReported(string Node, IReadOnlyDictionary<string, string> Labels);

/// SRIOV-1: the agent's report. `ReopenedPfs`: the pending PFs it proves reconfigured (SRIOV-5a: a `Succeeded`
/// report of the desired generation whose VFs match); null in reports recorded before SRIOV-5a, where `Succeeded`
/// reopened every pending PF.
public sealed record NodeStateReported(string Node, IReadOnlyList<SriovInterface> Interfaces, string SyncStatus,
    IReadOnlyList<string>? ReopenedPfs = null, long? ObservedGeneration = null);

/// SRIOV-5: the configuration the node agent must apply. `Pfs` is the whole desired set (a PF
/// not listed is unmanaged: numVfs 0); `AffectedPfs` changed and get no allocations until the
/// agent reports `Succeeded`; `PodsHoldingVfs` are the pods on those PFs, to move instead of
/// draining the whole node.
public sealed record NodeConfigurationDesired(
    string Node,
    IReadOnlyList<DesiredPfConfig> Pfs,
    IReadOnlyList<string> AffectedPfs,
    IReadOnlyList<PodVfHolder> PodsHoldingVfs,
    string Warning,
    long Generation = 0) : INodeScoped;

/// SRIOV-8..10: VFs given to a pod.
public sealed record VfsAllocated(
    string Node,
    string PodUid,
    string PodNamespace,
    string PodName,
    string Runtime,
    IReadOnlyList<AllocatedVf> Vfs,
    string? Project = null) : INodeScoped;

public sealed record VfsReleased(
    string Node,
    string PodUid,
    string PodNamespace,
    string PodName,
    IReadOnlyList<AllocatedVf> Vfs,
    string Reason) : INodeScoped;
