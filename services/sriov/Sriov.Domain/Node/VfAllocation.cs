namespace Mesh.Sriov.Domain;

/// The VFs one pod holds on a node.
public sealed record VfAllocation(string PodUid, string Namespace, string Name, string Runtime, IReadOnlyList<AllocatedVf> Vfs, string? Project = null);
