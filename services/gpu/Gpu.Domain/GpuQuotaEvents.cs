namespace Mesh.Gpu.Domain;

// Stream gpu-quota-<project>.

/// <summary>The project's card limits per resource (nvidia.com/gpu, baidu.com/XPU); a resource without a limit is unlimited.</summary>
public sealed record GpuQuotaSet(string Project, IReadOnlyDictionary<string, long> Limits);

/// <summary>A pod's cards counted against the project's quota (GPU-6).</summary>
public sealed record GpuQuotaReserved(string Project, string PodUid, string Resource, long Count);

public sealed record GpuQuotaReleased(string Project, string PodUid, string Resource, long Count);
