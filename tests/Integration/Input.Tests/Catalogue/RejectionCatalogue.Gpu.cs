using System.Text.Json;
using Mesh.Gpu.Tests;
using static Mesh.Input.Tests.Rejection;

namespace Mesh.Input.Tests;

// GPU-*: inventories as node agents report them, pods as the platform asks for cards (Gpu.Tests' Requests).
public static partial class RejectionCatalogue
{
    private const string Assignments = "/apis/gpu.mesh.io/v1/assignments";
    private const string GpuNodes = "/apis/gpu.mesh.io/v1/gpunodes";

    private static string GpuNode(string name, object device, string arch = "amd64") =>
        JsonSerializer.Serialize(Requests.Node(name, [device], arch));

    private static Dictionary<string, object?> GpuPod(Dictionary<string, string> requests, string node = "cat-gpu") =>
        Requests.Pod("cat-x", requests, node);

    private static Dictionary<string, object?> With(this Dictionary<string, object?> pod, string key, object? value) =>
        new(pod) { [key] = value };

    private static Rejection[] GpuRows =>
    [
        Post("COMMON-3", "MalformedDocument", "body", "a pod that is a JSON array", "gpu", Assignments, "[1,2]"),
        Post("COMMON-5", "Forbidden", "project", "p2 asks cards for p1's pod", "gpu", Assignments, GpuPod(Requests.Gpus(1)), Who.Member("p2")),
        Put("COMMON-5", "Forbidden", "role", "a member reports an inventory", "gpu", $"{GpuNodes}/cat-gpu",
            GpuNode("cat-gpu", Requests.T4(0, "cat-gpu")), Who.Member("p1")),
        Put("GPU-1", "InvalidRequest", "arch", "arch s390x", "gpu", $"{GpuNodes}/cat-n", GpuNode("cat-n", Requests.T4(0, "cat-n"), "s390x"), Who.Agent),
        Put("GPU-1", "InvalidRequest", "devices[0].model", "a GTX 1080", "gpu", $"{GpuNodes}/cat-n",
            GpuNode("cat-n", new { index = 0, uuid = "GPU-x", vendor = "nvidia", model = "GTX 1080", memoryMiB = 8192 }), Who.Agent),
        Put("GPU-1", "InvalidRequest", "devices[0].vendor", "vendor amd", "gpu", $"{GpuNodes}/cat-n",
            GpuNode("cat-n", new { index = 0, uuid = "GPU-x", vendor = "amd", model = "MI300", memoryMiB = 8192 }), Who.Agent),
        Post("GPU-1", "NodeNotFound", "node", "a node that never reported", "gpu", Assignments, GpuPod(Requests.Gpus(1), "cat-ghost")),
        Http("GPU-11", "DeviceNotFound", "index", "health of card 7 of a two-card node", "gpu", HttpMethod.Put, $"{GpuNodes}/cat-gpu/devices/7/health",
            "{\"healthy\": false}", Who.Agent),
        Post("GPU-2", "InvalidRequest", "resources.requests", "a pod asking no card", "gpu", Assignments, GpuPod(new() { ["cpu"] = "1" })),
        Post("GPU-2", "InvalidRequest", "resources.requests", "nvidia.com/gpu and baidu.com/XPU together", "gpu", Assignments,
            GpuPod(new() { ["nvidia.com/gpu"] = "1", ["baidu.com/XPU"] = "1" })),
        Post("GPU-3", "RuntimeNotSupported", "runtimeClassName", "runc", "gpu", Assignments, GpuPod(Requests.Gpus(1)).With("runtimeClassName", "runc")),
        Post("GPU-4", "WorkloadKindNotSupported", "workloadKind", "a DaemonSet", "gpu", Assignments, GpuPod(Requests.Gpus(1)).With("workloadKind", "DaemonSet")),
        Post("GPU-4", "WorkloadKindNotSupported", "workloadKind", "a CronJob", "gpu", Assignments, GpuPod(Requests.Gpus(1)).With("workloadKind", "CronJob")),
        Post("GPU-5", "ArchNotSupported", "arch", "the Arm node", "gpu", Assignments, GpuPod(Requests.Gpus(1), "cat-arm")),
        Post("GPU-6", "QuotaExceeded", "resources.requests[nvidia.com/gpu]", "project cat-gq's quota of 0 cards", "gpu", Assignments,
            GpuPod(Requests.Gpus(1)).With("project", "cat-gq")),
        Post("GPU-7", "insufficient baidu.com/XPU", "resources.requests[baidu.com/XPU]", "cat-xpu's only card is held exclusively", "gpu", Assignments,
            GpuPod(new() { ["baidu.com/XPU"] = "1", ["cpu"] = "1", ["memory"] = "2Gi" }, "cat-xpu")),
        Post("GPU-8", "TaintNotTolerated", "tolerations", "no accelerator toleration", "gpu", Assignments,
            GpuPod(Requests.Gpus(1)).With("tolerations", Array.Empty<object>())),
        Post("GPU-9", "insufficient nvidia.com/gpu", "resources.requests[nvidia.com/gpu]", "3 cards on the two-card node", "gpu", Assignments,
            GpuPod(Requests.Gpus(3))),
        Post("GPU-9", "insufficient nvidia.com/gpu", "resources.requests[nvidia.com/gpu]", "64 cards, the scheduler choosing", "gpu", Assignments,
            GpuPod(Requests.Gpus(64)).With("node", null)),
        Post("GPU-9", "Unschedulable", "resources.requests[nvidia.com/gpu]", "a nodeSelector the node does not match", "gpu", Assignments,
            GpuPod(Requests.Gpus(1)).With("nodeSelector", new Dictionary<string, string> { ["disk"] = "ssd" })),
        Post("GPU-11", "DeviceUnhealthy", "index", "pinning the unhealthy card 1", "gpu", Assignments,
            GpuPod(Requests.Gpus(1)).With("env", new Dictionary<string, string> { ["NVIDIA_VISIBLE_DEVICES"] = "1" })),
        Post("GPU-12", "InvalidRequest", "resources.requests[nvidia.com/gpucores]", "gpucores 101", "gpu", Assignments,
            GpuPod(new() { ["nvidia.com/gpu"] = "1", ["nvidia.com/gpucores"] = "101" })),
        Post("GPU-12", "InvalidRequest", "resources.requests[nvidia.com/gpumem]", "gpumem on a Kunlun XPU", "gpu", Assignments,
            GpuPod(new() { ["baidu.com/XPU"] = "1", ["nvidia.com/gpumem"] = "1024" }, "cat-xpu")),
        Post("COMMON-2", "PodAlreadyAssigned", "metadata.uid", "cat-gpu-holder again with two cards", "gpu", Assignments,
            GpuPod(Requests.Gpus(2)).With("uid", "cat-gpu-holder")),
    ];
}
