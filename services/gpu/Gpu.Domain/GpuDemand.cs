using Mesh.Contracts;

namespace Mesh.Gpu.Domain;

/// <summary>
/// A validated pod request: <see cref="Count"/> cards of one vendor, each with <see cref="MemoryMiB"/> and
/// <see cref="Cores"/> reserved when the pod takes a slice (GPU-12), or the whole card when exclusive (GPU-7).
/// </summary>
public sealed record GpuDemand(
    GpuPodRequest Pod,
    string Resource,
    GpuVendor Vendor,
    int Count,
    long MemoryMiB,
    int Cores,
    bool Exclusive,
    IReadOnlyList<int>? Pinned,
    IReadOnlyList<string> Warnings)
{
    private const decimal MiB = 1024m * 1024m;
    // A Kubernetes uid is a 36-character UUID; the uid keys indexed rows, whose size PostgreSQL bounds.
    private const int MaxUidLength = 128;
    private static readonly string[] AllowedKinds = ["Pod", "Deployment", "ReplicaSet", "StatefulSet", "Job"];
    private static readonly string[] GpuRefusedKinds = ["DaemonSet", "CronJob"];

    /// <summary>The visibility variable the pod gets: NVIDIA_VISIBLE_DEVICES or CXPU_VISIBLE_DEVICES.</summary>
    public string VisibilityVariable => GpuResources.VisibilityVariableOf(Vendor);

    public static GpuDemand? From(GpuPodRequest pod, out MeshError? error)
    {
        error = Check(pod);
        if (error is not null)
        {
            return null;
        }
        var requests = pod.Requests;
        var hasGpu = requests.TryGetValue(GpuResources.NvidiaGpu, out var gpuText);
        var hasXpu = requests.TryGetValue(GpuResources.KunlunXpu, out var xpuText);
        var hasMem = requests.TryGetValue(GpuResources.GpuMem, out var memText);
        var hasCores = requests.TryGetValue(GpuResources.GpuCores, out var coresText);
        if (hasGpu && hasXpu)
        {
            error = GpuErrors.InvalidRequest("resources.requests", $"{GpuResources.NvidiaGpu}+{GpuResources.KunlunXpu}",
                "a pod uses either NVIDIA GPUs or Kunlun XPUs, not both");
            return null;
        }
        if (!hasGpu && !hasXpu && !hasMem && !hasCores)
        {
            error = GpuErrors.InvalidRequest("resources.requests", null,
                $"the pod requests neither {GpuResources.NvidiaGpu} nor {GpuResources.KunlunXpu}");
            return null;
        }
        if (hasXpu && (hasMem || hasCores))
        {
            error = GpuErrors.InvalidRequest($"resources.requests[{(hasMem ? GpuResources.GpuMem : GpuResources.GpuCores)}]",
                hasMem ? memText : coresText, "card slices (gpumem, gpucores) exist only for nvidia.com/gpu");
            return null;
        }
        var vendor = hasXpu ? GpuVendor.Kunlun : GpuVendor.Nvidia;
        var resource = GpuResources.ResourceOf(vendor);
        var countText = hasXpu ? xpuText : hasGpu ? gpuText : "1";
        var count = Whole(resource, countText, 1, 64, ref error);
        var memory = hasMem ? Whole(GpuResources.GpuMem, memText, 1, long.MaxValue, ref error) : 0;
        var cores = hasCores ? Whole(GpuResources.GpuCores, coresText, 1, 100, ref error) : 0;
        if (error is not null)
        {
            return null;
        }
        var pinned = pod.VisibleDevices is { Count: > 0 } v ? v.Distinct().Order().ToArray() : null;
        if (pinned is not null && (hasGpu || hasXpu) && count != pinned.Length)
        {
            error = GpuErrors.InvalidRequest($"resources.requests[{resource}]", countText,
                $"{GpuResources.VisibilityVariableOf(vendor)} names {pinned.Length} card(s) but the pod requests {count}");
            return null;
        }
        if (pinned is not null && pinned.Any(i => i < 0))
        {
            error = GpuErrors.InvalidRequest(GpuResources.VisibilityVariableOf(vendor), string.Join(",", pinned),
                "card indices are whole numbers >= 0");
            return null;
        }
        var exclusive = pod.Exclusive || pinned is not null || cores == 100;
        return new GpuDemand(pod, resource, vendor, pinned?.Length ?? (int)count, memory, (int)cores, exclusive,
            pinned, WarningsFor(pod));
    }

    private static MeshError? Check(GpuPodRequest pod)
    {
        if (string.IsNullOrWhiteSpace(pod.Uid) || pod.Uid.Length > MaxUidLength)
        {
            return GpuErrors.InvalidRequest("metadata.uid", pod.Uid?.Length > MaxUidLength ? pod.Uid[..MaxUidLength] + "..." : pod.Uid,
                $"the pod uid is the idempotency key: required, at most {MaxUidLength} characters");
        }
        if (!string.Equals(pod.RuntimeClassName, GpuResources.SecureRuntime, StringComparison.Ordinal))
        {
            return GpuErrors.RuntimeNotSupported(pod.RuntimeClassName);
        }
        if (GpuRefusedKinds.Contains(pod.WorkloadKind, StringComparer.Ordinal))
        {
            return GpuErrors.WorkloadKindNotSupported(pod.WorkloadKind);
        }
        if (!AllowedKinds.Contains(pod.WorkloadKind, StringComparer.Ordinal))
        {
            return GpuErrors.InvalidRequest("workloadKind", pod.WorkloadKind,
                $"workload kind must be one of {string.Join(", ", AllowedKinds)}");
        }
        return null;
    }

    private static long Whole(string resource, string? text, long min, long max, ref MeshError? error)
    {
        if (error is not null)
        {
            return 0;
        }
        if (Quantity.TryParseWhole(text, out var value) && value >= min && value <= max)
        {
            return value;
        }
        error = GpuErrors.InvalidRequest($"resources.requests[{resource}]", text,
            $"{resource} must be a whole number from {min}{(max == long.MaxValue ? " up" : $" to {max}")}");
        return 0;
    }

    // GPU-10: the seed recommends cpu >= 1 and memory >= 1024MiB for a GPU pod; below that is allowed.
    private static IReadOnlyList<string> WarningsFor(GpuPodRequest pod)
    {
        var warnings = new List<string>();
        pod.Requests.TryGetValue(GpuResources.Cpu, out var cpu);
        pod.Requests.TryGetValue(GpuResources.Memory, out var memory);
        if (!Quantity.TryParse(cpu, out var cores) || cores < 1)
        {
            warnings.Add($"resources.requests.cpu '{cpu ?? "<unset>"}' is below 1: a GPU pod should reserve cpu >= 1");
        }
        if (!Quantity.TryParse(memory, out var bytes) || bytes < 1024 * MiB)
        {
            warnings.Add($"resources.requests.memory '{memory ?? "<unset>"}' is below 1024Mi: a GPU pod should reserve memory >= 1024Mi");
        }
        return warnings;
    }
}
