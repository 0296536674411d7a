namespace Mesh.Gpu.Domain;

/// <summary>The pod went away: give its cards back (idempotent).</summary>
public sealed record ReleaseGpus(string Node, string PodUid);
