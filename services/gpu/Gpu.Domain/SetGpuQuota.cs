namespace Mesh.Gpu.Domain;

/// <summary>The administrator sets a project's GPU quota (the GPU solution package's quota settings).</summary>
public sealed record SetGpuQuota(string Project, IReadOnlyDictionary<string, long> Limits);
