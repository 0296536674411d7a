using System.Net.Http.Json;
using System.Text.Json;

namespace Mesh.Gpu.Tests;

/// <summary>Documents and pod descriptors as node agents and platform services send them.</summary>
public static class Requests
{
    public static readonly object[] AcceleratorToleration = [new { key = "accelerator", @operator = "Equal", value = "true", effect = "NoSchedule" }];
    public static readonly object[] AcceleratorTaint = [new { key = "accelerator", value = "true", effect = "NoSchedule" }];

    public static object T4(int index, string node, long memory = 15360, bool healthy = true) =>
        new { index, uuid = $"GPU-{node}-{index}", vendor = "nvidia", model = "Tesla T4", memoryMiB = memory, healthy };

    public static object R200(int index, string node) =>
        new { index, uuid = $"XPU-{node}-{index}", vendor = "kunlun", model = "R200-8F", memoryMiB = 16384, healthy = true };

    public static object Node(string name, IEnumerable<object> devices, string arch = "amd64", object[]? taints = null,
        Dictionary<string, string>? labels = null) => new
    {
        apiVersion = "gpu.mesh.io/v1",
        kind = "GpuNode",
        metadata = new { name },
        spec = new { arch, labels = labels ?? new Dictionary<string, string>(), taints = taints ?? AcceleratorTaint, devices },
    };

    public static Task<HttpResponseMessage> PutNodeAsync(HttpClient http, string name, IEnumerable<object> devices, string arch = "amd64",
        object[]? taints = null, Dictionary<string, string>? labels = null) =>
        http.PutAsJsonAsync($"/apis/gpu.mesh.io/v1/gpunodes/{name}", Node(name, devices, arch, taints, labels));

    public static Dictionary<string, object?> Pod(string uid, Dictionary<string, string> requests, string? node = null, string project = "p1",
        string runtime = "rune", string kind = "Deployment", object[]? tolerations = null, Dictionary<string, string>? annotations = null,
        Dictionary<string, string>? selector = null) => new()
    {
        ["namespace"] = "default",
        ["name"] = "pod-" + uid,
        ["uid"] = uid,
        ["project"] = project,
        ["node"] = node,
        ["runtimeClassName"] = runtime,
        ["workloadKind"] = kind,
        ["requests"] = requests,
        ["tolerations"] = tolerations ?? AcceleratorToleration,
        ["annotations"] = annotations ?? new Dictionary<string, string>(),
        ["nodeSelector"] = selector,
    };

    public static Dictionary<string, string> Gpus(int count, string cpu = "1", string memory = "2Gi") =>
        new() { ["nvidia.com/gpu"] = count.ToString(), ["cpu"] = cpu, ["memory"] = memory };

    public static Dictionary<string, string> Exclusive => new() { ["gpu.mesh.io/exclusive"] = "true" };

    public static Task<HttpResponseMessage> AssignAsync(HttpClient http, object pod, string query = "") =>
        http.PostAsJsonAsync("/apis/gpu.mesh.io/v1/assignments" + query, pod);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<string> CodeAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("code").GetString()!;

    public static string Id() => Guid.NewGuid().ToString("N")[..10];
}
