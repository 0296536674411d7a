namespace Mesh.Contracts.Gpu;

/// <summary>
/// The GPU part of a pod descriptor (ARCHITECTURE.md): who the pod is, where it runs (<see cref="Node"/>; the
/// service picks one when absent, GPU-9), its runtime and workload kind, its resource requests as written in the
/// pod spec (<c>"nvidia.com/gpu": "1"</c>, <c>"cpu": "1"</c>, <c>"memory": "2Gi"</c>), tolerations, node selector,
/// annotations and container env.
/// </summary>
/// <remarks>
/// Annotations the service reads: <c>gpu.mesh.io/exclusive: "true"</c> (GPU-7),
/// <c>gpu.mesh.io/scheduling-strategy: binpack|spread</c> (GPU-9). A card pinned with
/// <c>NVIDIA_VISIBLE_DEVICES</c>/<c>CXPU_VISIBLE_DEVICES</c> in <see cref="Env"/> (card indices) is exclusive.
/// </remarks>
public sealed record GpuPod
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required string Uid { get; init; }
    public required string Project { get; init; }
    public string? Node { get; init; }
    public string? RuntimeClassName { get; init; }
    /// <summary>Pod, Deployment, ReplicaSet, StatefulSet, Job (GPU-4 refuses DaemonSet and CronJob).</summary>
    public string WorkloadKind { get; init; } = "Pod";
    public IReadOnlyDictionary<string, string> Requests { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<GpuToleration>? Tolerations { get; init; }
    public IReadOnlyDictionary<string, string>? NodeSelector { get; init; }
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }
    public IReadOnlyDictionary<string, string>? Env { get; init; }
}

/// <summary>A Kubernetes toleration: operator <c>Equal</c> (default) or <c>Exists</c>; effect empty for all.</summary>
public sealed record GpuToleration
{
    public string? Key { get; init; }
    public string? Operator { get; init; }
    public string? Value { get; init; }
    public string? Effect { get; init; }
}
