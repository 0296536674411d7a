using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Contracts.Sriov;
using Mesh.Hosting.Resources;

namespace Mesh.Sriov.Tests;

/// The manual's documents from examples/sriov, and the calls that send them.
public static class ManualDocuments
{
    public const string Ns = "eks-managed";
    public const string Base = "/apis/sriovnetwork.openshift.io/v1/namespaces/eks-managed";

    public static readonly string Folder = Find();

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static Task<HttpResponseMessage> PutAsync(HttpClient http, string plural, string name, string yaml) =>
        http.PutAsync($"{Base}/{plural}/{name}", new StringContent(yaml, Encoding.UTF8, "application/yaml"));

    public static Task<HttpResponseMessage> PutFileAsync(HttpClient http, string plural, string name, string file) =>
        PutAsync(http, plural, name, Read(file));

    /// A Pod document as the platform would send it: uid, node, runtime, annotations and ecnf.io requests.
    public static AllocatePodVfs Pod(string file, string uid, string? name = null, string project = "p1")
    {
        var pod = YamlJson.ParseAll(Read(file))[0]!;
        var spec = pod["spec"]!;
        var requests = spec["containers"]!.AsArray().SelectMany(c => c!["resources"]?["requests"]?.AsObject() ?? [])
            .ToDictionary(kv => kv.Key, kv => int.Parse(kv.Value!.ToString()));
        return new AllocatePodVfs
        {
            Project = project,
            PodUid = uid,
            PodNamespace = pod["metadata"]!["namespace"]?.GetValue<string>() ?? Ns,
            PodName = name ?? pod["metadata"]!["name"]!.GetValue<string>(),
            Node = spec["nodeName"]!.GetValue<string>(),
            RuntimeClassName = spec["runtimeClassName"]?.GetValue<string>(),
            Annotations = pod["metadata"]!["annotations"]!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.ToString()),
            Requests = requests,
        };
    }

    public static Task<HttpResponseMessage> AllocateAsync(HttpClient http, AllocatePodVfs pod) => http.PostAsJsonAsync("/api/v1/vf-allocations", pod);

    public static async Task<string?> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var c) ? c.GetString() : null;

    public static async Task<JsonNode> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples", "sriov");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("examples/sriov not found above " + AppContext.BaseDirectory);
    }
}
