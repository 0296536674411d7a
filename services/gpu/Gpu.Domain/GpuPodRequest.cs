namespace Mesh.Gpu.Domain;

/// <summary>
/// The GPU part of a pod descriptor. <see cref="Requests"/> holds the pod's resource requests as written in
/// its spec ("nvidia.com/gpu": "1", "cpu": "2", "memory": "2Gi"). <see cref="VisibleDevices"/> is a card
/// pinned by <c>CXPU_VISIBLE_DEVICES</c>/<c>NVIDIA_VISIBLE_DEVICES</c> in the pod's env; pinning implies an
/// exclusive card, as the seed's Kunlun example does.
/// </summary>
public sealed record GpuPodRequest(
    string Uid,
    string Namespace,
    string Name,
    string Project,
    string? RuntimeClassName,
    string WorkloadKind,
    IReadOnlyDictionary<string, string> Requests,
    IReadOnlyList<Toleration>? Tolerations = null,
    IReadOnlyDictionary<string, string>? NodeSelector = null,
    bool Exclusive = false,
    IReadOnlyList<int>? VisibleDevices = null);
