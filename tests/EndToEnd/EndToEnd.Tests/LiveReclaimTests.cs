using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Hosting;
using Mesh.Testing;

namespace Mesh.EndToEnd.Tests;

/// <summary>
/// IPAM-11 through the node agent (issue 26.1): an agent that reads its pods from a source (here a file in
/// the kubelet's /pods PodList shape) gets exactly the addresses of the pods that left that source
/// reclaimed; an agent with no pod source gets nothing reclaimed however long it reports.
/// </summary>
public sealed class LiveReclaimTests : IAsyncLifetime
{
    private ServiceProcesses _mesh = null!;
    private readonly List<Process> _agents = [];
    private readonly string _work = Directory.CreateTempSubdirectory("mesh-reclaim-").FullName;
    private readonly HttpClient _admin = new();

    public async Task InitializeAsync()
    {
        _mesh = await ServiceProcesses.StartAsync(new Dictionary<string, string>
        {
            // One leak policy for addresses, VFs and GPUs (IPAM reads Mesh:Leaks too).
            ["Mesh__Leaks__Grace"] = "00:00:02",
            ["Mesh__Leaks__Reports"] = "2",
        }, "ipam", "vpc", "sriov", "gpu");
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevTokens.Mint(new AuthOptions(), "sre", "platform", MeshPrincipal.AdminRole));
        // The VPC service announces ovn-default on its first start; IPAM has it a moment later.
        await Eventually.TrueAsync(async () => (await _admin.GetAsync(_mesh.Urls["ipam"] + "/api/v1/subnets/ovn-default/usage")).IsSuccessStatusCode,
            "IPAM knows ovn-default", TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        foreach (var agent in _agents.Where(a => !a.HasExited))
        {
            agent.Kill(true);
        }
        await _mesh.DisposeAsync();
    }

    private void StartAgent(string node, params string[] extra) =>
        _agents.Add(ToolProcess.Start(ToolProcess.Dll("node-agent", "node-agent"), _mesh.ClientEnvironment, Path.Combine(_work, node + ".log"),
            ["run", "--node", node, "--state", Path.Combine(_work, node + ".json"), "--amqp", _mesh.VirtualHost.Url, "--report-seconds", "1", .. extra]));

    private async Task<string> AllocateAsync(string uid, string node)
    {
        var response = await _admin.PostAsJsonAsync(_mesh.Urls["ipam"] + "/api/v1/allocations",
            new { project = "p1", podUid = uid, podNamespace = "default", podName = uid, node });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!["ipAddress"]!.GetValue<string>();
    }

    private async Task<string?> HolderAsync(string ip)
    {
        var holders = JsonNode.Parse(await _admin.GetStringAsync(_mesh.Urls["ipam"] + $"/api/v1/addresses/{ip}"))!["holders"]!.AsArray();
        return holders.Count == 0 ? null : holders[0]!["podUid"]!.GetValue<string>();
    }

    // The kubelet's GET /pods answer, trimmed to what a PodList always has.
    private static string PodList(params (string Uid, string Phase)[] pods) => JsonSerializer.Serialize(new
    {
        kind = "PodList",
        apiVersion = "v1",
        metadata = new { },
        items = pods.Select(p => new
        {
            metadata = new { name = p.Uid, @namespace = "default", uid = p.Uid },
            spec = new { nodeName = "node-a" },
            status = new { phase = p.Phase },
        }),
    });

    [Fact]
    [Trait("rule", "IPAM-11")]
    [Trait("rule", "IPAM-11a")]
    [Trait("rule", "AGENT-2")]
    public async Task Only_the_pods_that_left_the_agents_pod_source_lose_their_addresses_and_a_node_without_a_source_loses_none()
    {
        var pods = Path.Combine(_work, "node-a-pods.json");
        await File.WriteAllTextAsync(pods, PodList(("pa-1", "Running"), ("pa-2", "Running"), ("pa-3", "Running"), ("pa-4", "Running")));
        var a = new Dictionary<string, string>();
        foreach (var uid in new[] { "pa-1", "pa-2", "pa-3", "pa-4" })
        {
            a[uid] = await AllocateAsync(uid, "node-a");
        }
        var b = new[] { await AllocateAsync("pb-1", "node-b"), await AllocateAsync("pb-2", "node-b") };

        StartAgent("node-a", "--pod-source", "file:" + pods);
        StartAgent("node-b"); // discovery, no description, no --pod-source: it says it cannot see its pods
        await Task.Delay(TimeSpan.FromSeconds(4)); // several reports with every pod present
        foreach (var (uid, ip) in a)
        {
            Assert.Equal(uid, await HolderAsync(ip));
        }

        // pa-2 is gone from the kubelet's list, pa-3 completed (phase Succeeded): two of four, within the node's share.
        await File.WriteAllTextAsync(pods, PodList(("pa-1", "Running"), ("pa-3", "Succeeded"), ("pa-4", "Running")));
        await Eventually.TrueAsync(async () => await HolderAsync(a["pa-2"]) is null && await HolderAsync(a["pa-3"]) is null,
            "pa-2 and pa-3 reclaimed", TimeSpan.FromSeconds(60));
        Assert.Equal("pa-1", await HolderAsync(a["pa-1"]));
        Assert.Equal("pa-4", await HolderAsync(a["pa-4"]));

        // node-b has reported for as long as node-a (two reports and the grace period were enough there): nothing moved.
        Assert.Equal("pb-1", await HolderAsync(b[0]));
        Assert.Equal("pb-2", await HolderAsync(b[1]));
        var events = JsonNode.Parse(await _admin.GetStringAsync(_mesh.Urls["ipam"] + "/admin/v1/events?type=ipam.leak-suspected.v1"))!.AsArray();
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("node-a", (e!["data"]!["node"] ?? e["data"]!["Node"])!.GetValue<string>()));
        Assert.Contains("no pod source", await File.ReadAllTextAsync(Path.Combine(_work, "node-b.log")));
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public async Task When_every_pod_of_a_node_vanishes_at_once_the_reclaim_waits_for_meshctl_reclaim_confirm()
    {
        var pods = Path.Combine(_work, "node-c-pods.json");
        await File.WriteAllTextAsync(pods, PodList(("pc-1", "Running"), ("pc-2", "Running")));
        var ips = new[] { await AllocateAsync("pc-1", "node-c"), await AllocateAsync("pc-2", "node-c") };
        StartAgent("node-c", "--pod-source", "file:" + pods);
        await Task.Delay(TimeSpan.FromSeconds(2));
        // A kubelet restarting answers an empty list: two of two is more than half the node.
        await File.WriteAllTextAsync(pods, PodList());
        await Eventually.TrueAsync(async () =>
            JsonNode.Parse(await _admin.GetStringAsync(_mesh.Urls["ipam"] + "/admin/v1/events?type=ipam.leak-reclaim-withheld.v1"))!.AsArray().Count > 0,
            "the reclaim withheld", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("pc-1", await HolderAsync(ips[0]));
        Assert.Equal("pc-2", await HolderAsync(ips[1]));

        var meshctl = ToolProcess.Dll("meshctl", "meshctl");
        var confirmed = await ToolProcess.RunAsync(meshctl, _mesh.ClientEnvironment, null, "reclaim", "confirm", "node-c");
        Assert.True(confirmed.ExitCode == 0, confirmed.Stdout + confirmed.Stderr);
        Assert.Contains("ipam: node node-c: reclaimed 2 address(es)", confirmed.Stdout);
        Assert.Null(await HolderAsync(ips[0]));
        Assert.Null(await HolderAsync(ips[1]));
    }

    private async Task<JsonArray> EventsAsync(string service, string type) =>
        JsonNode.Parse(await _admin.GetStringAsync(_mesh.Urls[service] + $"/admin/v1/events?type={type}"))!.AsArray();

    private static string PodManifest(string uid) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{uid}}
          namespace: eks-managed
          uid: {{uid}}
          labels:
            mesh.io/project: p1
          annotations:
            k8s.v1.cni.cncf.io/networks: eks-managed/ibnics
            io.katacontainers.config.runtime.enable_sriov: "true"
        spec:
          nodeName: node-10
          runtimeClassName: rune
          tolerations:
            - { key: accelerator, operator: Equal, value: "true", effect: NoSchedule }
          containers:
            - name: train
              image: pytorch
              resources:
                requests: { nvidia.com/gpu: "1", ecnf.io/mlxnics: "1", cpu: "1", memory: 1Gi }
        """;

    [Fact]
    [Trait("rule", "IPAM-11b")]
    public async Task A_pod_gone_from_the_source_loses_its_addresses_vf_and_gpu_together_and_nothing_else_moves()
    {
        var pods = Path.Combine(_work, "node-10-pods.json");
        var held = await PrepareNode10Async(pods, "keep-0", "gone-0");
        await Task.Delay(TimeSpan.FromSeconds(3)); // reports with both pods present: nothing is suspected

        await File.WriteAllTextAsync(pods, PodList(("keep-0", "Running")));
        await Eventually.TrueAsync(async () =>
            (await EventsAsync("gpu", "gpu.devices-released.v1")).Count > 0 && (await EventsAsync("sriov", "sriov.pod-vfs-released.v1")).Count > 0
            && (await EventsAsync("ipam", "ipam.ip-released.v1")).Count >= 2,
            "gone-0's cards, VF and addresses released", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3)); // more reports: still only gone-0
        await AssertReleasedOnlyAsync("gone-0", "LeakReclaimed");
        // keep-0 still holds everything: its card, its VF, its addresses.
        var node = await GetAsync("gpu", "/apis/gpu.mesh.io/v1/gpunodes/node-10");
        Assert.Contains("keep-0", node!.ToJsonString());
        Assert.DoesNotContain("gone-0", node.ToJsonString());
        foreach (var address in held["keep-0"]["addresses"]!.AsArray())
        {
            Assert.Equal("keep-0", await HolderAsync(address!["ipAddress"]!.GetValue<string>()));
        }
    }

    [Fact]
    [Trait("rule", "NODE-1")]
    public async Task Meshctl_delete_node_releases_its_addresses_vfs_and_gpus_at_every_service_and_nothing_on_other_nodes()
    {
        var held = await PrepareNode10Async(Path.Combine(_work, "node-10-pods.json"), "on-10");
        var elsewhere = await AllocateAsync("on-11", "node-11");

        var deleted = await ToolProcess.RunAsync(ToolProcess.Dll("meshctl", "meshctl"), _mesh.ClientEnvironment, null, "delete", "node", "node-10");
        Assert.True(deleted.ExitCode == 0, deleted.Stdout + deleted.Stderr);
        Assert.StartsWith("node/node-10 deleted", deleted.Stdout.Trim());
        await Eventually.TrueAsync(async () =>
            (await EventsAsync("gpu", "gpu.devices-released.v1")).Count > 0 && (await EventsAsync("sriov", "sriov.pod-vfs-released.v1")).Count > 0
            && (await EventsAsync("ipam", "ipam.ip-released.v1")).Count >= 2,
            "on-10's cards, VF and addresses released", TimeSpan.FromSeconds(60));
        await AssertReleasedOnlyAsync("on-10", "NodeRemoved");
        Assert.Equal("on-11", await HolderAsync(elsewhere));
        Assert.Null(await HolderAsync(held["on-10"]["addresses"]![0]!["ipAddress"]!.GetValue<string>()));
        Assert.Single(await EventsAsync("gpu", "gpu.node-removed.v1"));
    }

    [Fact]
    [Trait("rule", "NODE-1")]
    public async Task An_agents_deregistration_releases_its_nodes_addresses()
    {
        var ip = await AllocateAsync("dr-1", "node-dr");
        var kept = await AllocateAsync("dr-2", "node-other");
        var result = await ToolProcess.RunAsync(ToolProcess.Dll("node-agent", "node-agent"), _mesh.ClientEnvironment, null,
            "deregister", "--node", "node-dr", "--amqp", _mesh.VirtualHost.Url);
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        await Eventually.TrueAsync(async () => await HolderAsync(ip) is null, "node-dr's address released", TimeSpan.FromSeconds(30));
        Assert.Equal("dr-2", await HolderAsync(kept));
    }

    private async Task AssertReleasedOnlyAsync(string uid, string reason)
    {
        static string Data(JsonNode? e, string field) => (e!["data"]![field] ?? e["data"]![char.ToUpperInvariant(field[0]) + field[1..]])!.GetValue<string>();
        var gpuEvents = await EventsAsync("gpu", "gpu.devices-released.v1");
        var gpu = gpuEvents.Count == 1 ? gpuEvents[0] : throw new Xunit.Sdk.XunitException(gpuEvents.ToJsonString());
        Assert.Equal((uid, reason), (Data(gpu, "podUid"), Data(gpu, "reason")));
        var vfEvents = await EventsAsync("sriov", "sriov.pod-vfs-released.v1");
        var vf = vfEvents.Count == 1 ? vfEvents[0] : throw new Xunit.Sdk.XunitException(vfEvents.ToJsonString());
        Assert.Equal((uid, reason), (Data(vf, "podUid"), Data(vf, "reason")));
        var addresses = await EventsAsync("ipam", "ipam.ip-released.v1");
        Assert.Equal(2, addresses.Count); // eth0 and the VF's net1
        Assert.All(addresses, a => Assert.Equal((uid, reason), (Data(a, "podUid"), Data(a, "reason"))));
    }

    private async Task<JsonNode?> GetAsync(string service, string path)
    {
        var response = await _admin.GetAsync(_mesh.Urls[service] + path);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    // node-10 as the seed's section 5.1 has it: reported by its agent (pods from a file), split into 3 VFs by
    // policy-rune-ib, network ibnics; then each pod created with an address, a VF (and its address) and a GPU.
    private async Task<Dictionary<string, JsonNode>> PrepareNode10Async(string pods, params string[] uids)
    {
        await File.WriteAllTextAsync(pods, PodList(uids.Select(u => (u, "Running")).ToArray()));
        StartAgent("node-10", "--description", Path.Combine(TestServers.RepositoryRoot, "examples", "nodes", "node-10.yaml"), "--pod-source", "file:" + pods);
        const string NodeState = "/apis/sriovnetwork.openshift.io/v1/namespaces/eks-managed/sriovnetworknodestates/node-10";
        await Eventually.TrueAsync(async () => (await GetAsync("gpu", "/apis/gpu.mesh.io/v1/gpunodes/node-10"))?["spec"]?["devices"]?.AsArray().Count == 2
            && (await GetAsync("sriov", NodeState))?["status"]?["interfaces"]?.AsArray().Count == 1, "node-10 reported", TimeSpan.FromSeconds(60));
        var meshctl = ToolProcess.Dll("meshctl", "meshctl");
        foreach (var file in new[] { "policy-rune-ib.yaml", "network-ibnics.yaml" })
        {
            var applied = await ToolProcess.RunAsync(meshctl, _mesh.ClientEnvironment, null, "apply", "-f", Path.Combine(TestServers.RepositoryRoot, "examples", "sriov", file));
            Assert.True(applied.ExitCode == 0, applied.Stdout + applied.Stderr);
        }
        await Eventually.TrueAsync(async () => (await GetAsync("sriov", NodeState)) is { } state
            && state["status"]?["syncStatus"]?.ToString() == "Succeeded" && state["status"]?["interfaces"]?[0]?["vfs"]?.AsArray().Count == 3,
            "node-10 split into 3 VFs", TimeSpan.FromSeconds(60));

        var held = new Dictionary<string, JsonNode>();
        foreach (var uid in uids)
        {
            var created = await ToolProcess.RunAsync(meshctl, _mesh.ClientEnvironment, PodManifest(uid), "pod", "create", "-f", "-", "-o", "json");
            Assert.True(created.ExitCode == 0, created.Stdout + created.Stderr);
            held[uid] = JsonNode.Parse(created.Stdout)!;
            Assert.NotNull(held[uid]["vfs"]);
            Assert.NotNull(held[uid]["gpus"]);
        }
        return held;
    }
}
