namespace Mesh.Gpu.Domain;

/// <summary>The node agent's inventory report (GPU-1, AGENT-1); sent again whenever the inventory changes.</summary>
public sealed record RegisterGpuNode(
    string Node,
    string Arch,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    IReadOnlyList<GpuDevice> Devices);
