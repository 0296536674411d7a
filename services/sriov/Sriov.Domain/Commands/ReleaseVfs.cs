namespace Mesh.Sriov.Domain;

/// The pod went (or a sibling part of its setup was refused): give its VFs back. Idempotent.
public sealed record ReleaseVfs(string Node, string PodUid, string Reason = "PodDeleted");
