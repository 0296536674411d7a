namespace Mesh.Gpu.Domain;

/// <summary>Count a pod's cards against its project before they are assigned (idempotent per pod uid).</summary>
public sealed record ReserveGpuQuota(string Project, string PodUid, string Resource, long Count);
