using Mesh.Contracts;

namespace Mesh.Gpu.Domain;

/// <summary>A placement, or the refusal with kube-scheduler's explanation.</summary>
public sealed record ScheduleResult(GpuPlacement? Placement, MeshError? Error)
{
    public bool IsScheduled => Placement is not null;
}
