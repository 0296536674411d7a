using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>
/// What a node's writer answers, read from the state after the decision: the pod's assignment for an assign,
/// the assignments on the card for a health report (GPU-11).
/// </summary>
public sealed record GpuNodeReply(GpuDevicesAssigned? Assignment, IReadOnlyList<GpuDevicesAssigned> OnDevice, GpuDevice? Device)
{
    public static readonly GpuNodeReply None = new(null, [], null);
}
