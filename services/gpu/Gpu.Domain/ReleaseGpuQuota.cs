namespace Mesh.Gpu.Domain;

public sealed record ReleaseGpuQuota(string Project, string PodUid);
