namespace Mesh.Contracts.Gpu;

// Commands the GPU service takes on its queues and over HTTP (/apis/gpu.mesh.io/v1). A platform service or a
// node agent in any language may send them as plain JSON.

/// <summary>GPU-1: a node agent's inventory of its node; sent again whenever it changes. Answer: <see cref="GpuInventoryAccepted"/> or <see cref="Rejected"/>.</summary>
public sealed record ReportGpuInventory
{
    public required string Node { get; init; }
    /// <summary><c>amd64</c> or <c>arm64</c>.</summary>
    public required string Arch { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<GpuTaint> Taints { get; init; } = [];
    public IReadOnlyList<GpuDeviceInfo> Devices { get; init; } = [];
}

/// <summary>One card: vendor <c>nvidia</c> or <c>kunlun</c>; model as the driver names it (<c>Tesla T4</c>, <c>R200-8F</c>).</summary>
public sealed record GpuDeviceInfo(int Index, string Uuid, string Vendor, string Model, long MemoryMiB, bool Healthy = true);

/// <summary>A node taint; effect <c>NoSchedule</c>, <c>PreferNoSchedule</c> or <c>NoExecute</c>.</summary>
public sealed record GpuTaint(string Key, string? Value, string Effect);

/// <summary>GPU-11: a card's health changed. Answer: <see cref="GpuDeviceHealthAccepted"/> or <see cref="Rejected"/>.</summary>
public sealed record ReportGpuDeviceHealth(string Node, int Index, bool Healthy, string Reason);

/// <summary>
/// Cards for a pod (GPU-2..10, GPU-12). With <see cref="DryRun"/> nothing changes: the answer says where it would fit.
/// <see cref="Strategy"/> <c>binpack</c> (default) or <c>spread</c> when no node is given.
/// Answer: <see cref="GpuAssignment"/> or <see cref="Rejected"/>.
/// </summary>
public sealed record AssignPodGpus
{
    public required GpuPod Pod { get; init; }
    public bool DryRun { get; init; }
    public string? Strategy { get; init; }
}

/// <summary>The pod went away: give its cards and quota back (idempotent). Answer: <see cref="GpuRelease"/>.</summary>
public sealed record ReleasePodGpus
{
    public required string PodUid { get; init; }
    /// <summary>The pod's project; lets a quota reserved for a pod that never got cards be given back too.</summary>
    public string? Project { get; init; }
    public string Reason { get; init; } = "PodDeleted";
}
