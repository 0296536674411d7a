namespace Mesh.Gpu.Service.Api;

/// <summary>The spec of a <c>gpu.mesh.io/v1</c> <c>GpuQuota</c> (named after its project): cards per resource, as a ResourceQuota's <c>hard</c>.</summary>
public sealed class GpuQuotaSpec
{
    public Dictionary<string, long>? Hard { get; set; }
}
