namespace Mesh.Contracts.Gpu;

/// <summary>
/// Cards given to a pod (or, for a dry run, the cards it would get). <see cref="Env"/> is what its sandbox gets:
/// <c>NVIDIA_VISIBLE_DEVICES</c> (uuids) or <c>CXPU_VISIBLE_DEVICES</c> (indices). Warnings are GPU-10's.
/// </summary>
public sealed record GpuAssignment(
    string PodUid,
    string Namespace,
    string PodName,
    string Project,
    string Node,
    string Resource,
    bool Exclusive,
    IReadOnlyList<GpuGrant> Devices,
    IReadOnlyDictionary<string, string> Env,
    IReadOnlyList<string> Warnings,
    bool DryRun = false,
    bool AlreadyAssigned = false);

/// <summary>One card held by a pod and what it reserves on it (all memory and 100 cores when exclusive).</summary>
public sealed record GpuGrant(int Index, string Uuid, long MemoryMiB, int Cores);

/// <summary>The inventory was recorded; <see cref="AffectedPodUids"/> hold a card that vanished or turned unhealthy.</summary>
public sealed record GpuInventoryAccepted(string Node, bool Changed, IReadOnlyList<string> AffectedPodUids);

/// <summary>The health was recorded; <see cref="AffectedPods"/> hold the card (GPU-11).</summary>
public sealed record GpuDeviceHealthAccepted(string Node, int Index, string Uuid, bool Healthy, IReadOnlyList<GpuPodRef> AffectedPods);

/// <summary>A pod, as the node agent and the platform know it.</summary>
public sealed record GpuPodRef(string Uid, string Namespace, string Name, string Project);

/// <summary>The answer to <see cref="ReleasePodGpus"/>: the cards given back now (none when nothing was held).</summary>
public sealed record GpuRelease(string PodUid, string? Node, IReadOnlyList<GpuGrant> Released);
