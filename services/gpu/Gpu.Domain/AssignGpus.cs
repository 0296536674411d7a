namespace Mesh.Gpu.Domain;

/// <summary>
/// Give a pod cards on <see cref="Node"/>. <see cref="Devices"/> is the scheduler's placement, re-checked against
/// the node's current state; without it the node picks the cards itself with <see cref="Strategy"/>.
/// </summary>
public sealed record AssignGpus(
    string Node,
    GpuPodRequest Pod,
    IReadOnlyList<int>? Devices = null,
    PackStrategy Strategy = PackStrategy.BinPack);
