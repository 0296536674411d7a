using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Domain.Tests;

internal static class Fixtures
{
    public static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    public static GpuDevice Nvidia(int index, long memoryMiB = 16384, bool healthy = true, string model = "Tesla V100") =>
        new(index, $"GPU-{index:D4}-8b3e", GpuVendor.Nvidia, model, memoryMiB, healthy);

    public static GpuDevice Kunlun(int index, bool healthy = true) =>
        new(index, $"XPU-{index:D4}-k1", GpuVendor.Kunlun, "R200-8F", 32768, healthy);

    /// <summary>An amd64 GPU node with the seeds' accelerator=true:NoSchedule taint.</summary>
    public static GpuNodeRegistered Registered(string node, params GpuDevice[] devices) =>
        new(node, "amd64", NoLabels, [GpuResources.AcceleratorTaint], devices);

    public static RegisterGpuNode Register(string node, params GpuDevice[] devices) =>
        new(node, "amd64", NoLabels, [GpuResources.AcceleratorTaint], devices);

    public static GpuPodRequest Pod(
        string uid = "pod-1",
        string resource = GpuResources.NvidiaGpu,
        string count = "1",
        string? runtime = "rune",
        string kind = "Deployment",
        bool exclusive = false,
        string cpu = "2",
        string memory = "2Gi",
        string project = "proj-a",
        IReadOnlyList<int>? visible = null,
        params (string Key, string Value)[] extra)
    {
        var requests = new Dictionary<string, string> { [resource] = count, ["cpu"] = cpu, ["memory"] = memory };
        foreach (var (key, value) in extra)
        {
            requests[key] = value;
        }
        return new GpuPodRequest(uid, "default", $"perf-server-{uid}", project, runtime, kind, requests,
            [Toleration.Accelerator], null, exclusive, visible);
    }

    public static GpuPodRequest Slice(string uid, long memMiB, int cores, string count = "1") =>
        Pod(uid, count: count, extra: [(GpuResources.GpuMem, memMiB.ToString()), (GpuResources.GpuCores, cores.ToString())]);

    public static GpuNode Node(string name, params object[] events) => GpuNode.From(name, events);
}
