using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Mesh.Hosting;
using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>Two node agents as processes against the GPU and SR-IOV services as processes (AGENT-1).</summary>
public sealed class NodeAgentTests : IAsyncLifetime
{
    private ServiceProcesses _mesh = null!;
    private readonly List<Process> _agents = [];
    private readonly string _work = Directory.CreateTempSubdirectory("mesh-agents-").FullName;
    private static readonly string Nodes = Path.Combine(TestServers.RepositoryRoot, "examples", "nodes");
    private readonly HttpClient _admin = new();

    public async Task InitializeAsync()
    {
        _mesh = await ServiceProcesses.StartAsync("gpu", "sriov");
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint(new AuthOptions(), "sre", "platform", MeshPrincipal.AdminRole));
        foreach (var node in new[] { "node-10", "node-11" })
        {
            _agents.Add(ToolProcess.Start(ToolProcess.Dll("node-agent", "node-agent"), _mesh.ClientEnvironment, Path.Combine(_work, node + ".log"),
                "run", "--node", node, "--description", Path.Combine(Nodes, node + ".yaml"), "--state", Path.Combine(_work, node + ".json"),
                "--amqp", _mesh.VirtualHost.Url, "--report-seconds", "2"));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var agent in _agents.Where(a => !a.HasExited))
        {
            agent.Kill(true);
        }
        await _mesh.DisposeAsync();
    }

    private async Task<JsonNode?> GetAsync(string service, string path)
    {
        var response = await _admin.GetAsync(_mesh.Urls[service] + path);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    private JsonObject State(string node) =>
        File.Exists(Path.Combine(_work, node + ".json")) ? JsonNode.Parse(File.ReadAllText(Path.Combine(_work, node + ".json")))!.AsObject() : [];

    [Fact]
    public async Task Agents_report_their_nodes_and_each_applies_only_its_own_desired_sriov_configuration()
    {
        await Eventually.TrueAsync(async () => (await GetAsync("gpu", "/apis/gpu.mesh.io/v1/gpunodes/node-11"))?["spec"]?["devices"]?.AsArray().Count == 2,
            "node-11's XPUs reported", TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(async () => (await GetAsync("gpu", "/apis/gpu.mesh.io/v1/gpunodes/node-10"))?["spec"]?["devices"]?.AsArray().Count == 2,
            "node-10's GPUs reported", TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(async () => (await GetAsync("sriov", "/apis/sriovnetwork.openshift.io/v1/namespaces/eks-managed/sriovnetworknodestates/node-10"))
            ?["status"]?["interfaces"]?.AsArray().Count == 1, "node-10's PF reported", TimeSpan.FromSeconds(60));

        await Task.Delay(200);
        var beforePolicy = DateTimeOffset.UtcNow;
        await Task.Delay(200);
        var policy = await File.ReadAllTextAsync(Path.Combine(TestServers.RepositoryRoot, "examples", "sriov", "policy-runc-ib.yaml"));
        var applied = await ToolProcess.RunAsync(ToolProcess.Dll("meshctl", "meshctl"), _mesh.ClientEnvironment, policy, "apply", "-f", "-");
        Assert.True(applied.ExitCode == 0, applied.Stdout + applied.Stderr);

        // node-10's agent gets the desired configuration, creates 3 VFs and reports Succeeded.
        await Eventually.TrueAsync(async () =>
        {
            var state = await GetAsync("sriov", "/apis/sriovnetwork.openshift.io/v1/namespaces/eks-managed/sriovnetworknodestates/node-10");
            return state?["status"]?["syncStatus"]?.ToString() == "Succeeded"
                && state["status"]?["interfaces"]?[0]?["vfs"]?.AsArray().Count == 3;
        }, "node-10 reconfigured to 3 VFs and Succeeded", TimeSpan.FromSeconds(60));
        Assert.True(State("node-10")["resources"]?["SriovNodeConfiguration"] is JsonObject, State("node-10").ToJsonString());

        // SRE-2: the node state as it was before the policy, folded from its events.
        var then = await GetAsync("sriov", $"/apis/sriovnetwork.openshift.io/v1/namespaces/eks-managed/sriovnetworknodestates/node-10?asOf={Uri.EscapeDataString(beforePolicy.ToString("O"))}");
        Assert.Equal(0, then!["status"]!["interfaces"]![0]!["numVfs"]!.GetValue<int>());
        Assert.NotNull(then["metadata"]!["annotations"]!["mesh.io/as-of"]);
        var gpuThen = await GetAsync("gpu", $"/apis/gpu.mesh.io/v1/gpunodes/node-10?asOf={Uri.EscapeDataString(beforePolicy.ToString("O"))}");
        Assert.Equal(2, gpuThen!["spec"]!["devices"]!.AsArray().Count);
        Assert.Null(await GetAsync("gpu", "/apis/gpu.mesh.io/v1/gpunodes/node-10?asOf=2000-01-01T00:00:00Z"));

        // node-11 never sees node-10's traffic.
        await Task.Delay(1000);
        var other = State("node-11");
        Assert.Null(other["resources"]?["SriovNodeConfiguration"]);
        Assert.DoesNotContain("node-10", other.ToJsonString());
    }
}
