namespace Mesh.Contracts.Gpu;

// Published by the GPU service from its log, routing key node.<name>: a node agent binds its own node.

/// <summary>A pod got cards on <see cref="Node"/>: the agent sets <see cref="Env"/> in the pod's sandbox.</summary>
public sealed record PodGpusAssigned(
    string Node,
    string PodUid,
    string Namespace,
    string PodName,
    string Project,
    string Resource,
    bool Exclusive,
    IReadOnlyList<GpuGrant> Devices,
    IReadOnlyDictionary<string, string> Env) : INodeScoped;

/// <summary>A pod's cards were given back.</summary>
public sealed record PodGpusReleased(string Node, string PodUid, IReadOnlyList<GpuGrant> Devices, string Reason = "PodDeleted") : INodeScoped;

/// <summary>GPU-11: a card changed health; <see cref="AffectedPodUids"/> hold it (empty when it recovered).</summary>
public sealed record GpuDeviceHealthChanged(
    string Node,
    int Index,
    string Uuid,
    bool Healthy,
    string Reason,
    IReadOnlyList<string> AffectedPodUids) : INodeScoped;

/// <summary>A node's inventory was recorded or changed; <see cref="AffectedPodUids"/> hold a card it lost.</summary>
public sealed record GpuNodeInventoryChanged(
    string Node,
    string Arch,
    IReadOnlyList<GpuDeviceInfo> Devices,
    IReadOnlyList<string> AffectedPodUids) : INodeScoped;
