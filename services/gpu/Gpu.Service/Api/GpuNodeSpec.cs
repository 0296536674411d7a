using Mesh.Contracts.Gpu;

namespace Mesh.Gpu.Service.Api;

/// <summary>The spec of a <c>gpu.mesh.io/v1</c> <c>GpuNode</c>: what the node agent reports (GPU-1).</summary>
public sealed class GpuNodeSpec
{
    public string? Arch { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public List<GpuTaint>? Taints { get; set; }
    public List<GpuDeviceInfo>? Devices { get; set; }
}
