namespace Mesh.Contracts.Pods;

/// <summary>
/// A pod as the platform describes it to the mesh (ARCHITECTURE.md, Interfaces): who and where it is,
/// what it requests (<c>nvidia.com/gpu</c>, <c>baidu.com/XPU</c>, <c>ecnf.io/&lt;resource&gt;</c>) and the
/// annotations the seeds use (<c>ovn.kubernetes.io/logical_switch</c>, <c>ip_address</c>, <c>mac_address</c>,
/// <c>snat</c>, <c>eip</c>, <c>k8s.v1.cni.cncf.io/networks</c>, <c>io.katacontainers.config.runtime.enable_sriov</c>).
/// </summary>
public sealed record PodDescriptor
{
    public required string Namespace { get; init; }
    public required string Name { get; init; }
    public required string Uid { get; init; }
    public required string Project { get; init; }
    /// <summary>The node; when absent, a GPU pod is placed by the GPU scheduler.</summary>
    public string? Node { get; init; }
    public string? RuntimeClassName { get; init; }
    public string WorkloadKind { get; init; } = "Pod";
    public IReadOnlyDictionary<string, string> Requests { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<Gpu.GpuToleration>? Tolerations { get; init; }
    /// <summary>The pod's <c>spec.nodeSelector</c>: a GPU pod is placed only on a node with these labels.</summary>
    public IReadOnlyDictionary<string, string>? NodeSelector { get; init; }
    /// <summary>The containers' env (name to value), for <c>NVIDIA_VISIBLE_DEVICES</c> / <c>CXPU_VISIBLE_DEVICES</c> (GPU-13).</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }
}
