namespace Mesh.Sriov.Domain;

/// A pod that holds VFs on a PF about to be reconfigured (SRIOV-5).
public sealed record PodVfHolder(string PodUid, string Namespace, string Name, IReadOnlyList<string> Vfs);
