using System.Net.Http.Json;
using System.Text.Json;
using Mesh.Ipam.Tests;
using Mesh.Testing;
using static Mesh.Gpu.Tests.Requests;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Input.Tests.Tenancy;

[CollectionDefinition(Name)]
public sealed class TenancyCollection : ICollectionFixture<TenancyWorld>
{
    public const string Name = "tenancy";
}

/// <summary>
/// The five services as processes, with resources of project <see cref="A"/> in every service, each named or numbered
/// so that a <see cref="Markers">marker</see> finds it in any answer: an unshared subnet with a pod, a pod on a shared
/// subnet, a floating IP and its rule, a VF, a GPU assignment and a GPU quota.
/// </summary>
public sealed class TenancyWorld : IAsyncLifetime
{
    public const string A = "tenant-a";
    public const string B = "tenant-b";

    /// <summary>Strings that appear only in project A's resources.</summary>
    public static readonly string[] Markers = ["ta-", A, "10.240.0.", "192.168.100.41"];

    /// <summary>Values tried for every path parameter: project A's names, and the shared things they live in.</summary>
    public static readonly string[] Candidates =
    [
        "ta-subnet", "ta-pod-1", "ta-pod-2", "ta-eip", "ta-fip", "ta-vf-pod", "ta-gpu-pod", A, "10.240.0.10", "192.168.100.41",
        "net192", "ovn-cluster", "test-vpc2", "external-net", "ext-net", "node-10", "gpu-node-1", "subnet-pool-ta-subnet",
    ];

    public MeshUnderTest Mesh { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Mesh = await MeshUnderTest.StartAsync();
        await PutAsync("vpc", "/apis/network.mesh.io/v1/externalnetworks/external-net", Examples.Read("vpc", "external-network.yaml"));
        await PutAsync("vpc", "/apis/kubeovn.io/v1/vpcs/test-vpc2", Examples.Read("vpc", "test-vpc2.yaml"));
        await PutAsync("vpc", "/apis/kubeovn.io/v1/subnets/net192", Examples.Read("vpc", "net192.yaml"));
        await PutAsync("vpc", "/apis/kubeovn.io/v1/subnets/ta-subnet", CatalogueWorld.Subnet("ta-subnet", $"  cidrBlock: 10.240.0.0/24\n  projectIDs: [{A}]"));
        foreach (var pool in new[] { "net192", "ta-subnet" })
        {
            await Eventually.TrueAsync(async () => (await Mesh.SendAsync("ipam", HttpMethod.Get, $"/api/v1/subnets/{pool}/usage", null, Who.Admin)).IsSuccessStatusCode,
                $"IPAM has the pool of {pool}");
        }
        await AllocateAsync("ta-pod-1", "ta-subnet", "10.240.0.10");
        await AllocateAsync("ta-pod-2", "net192", "192.168.100.41");
        await Eventually.TrueAsync(async () => await Mesh.Processes.Database("fip").ScalarAsync<long>(
            "SELECT count(*) FROM world_addresses WHERE ip = '192.168.100.41' AND NOT released") == 1, "the FIP service learns ta-pod-2's address");

        await PutAsync("fip", "/apis/neutron.io/v1/fips/ext-net", Examples.Read("fip", "fip-pool.yaml"));
        await PutAsync("fip", "/apis/kubeovn.io/v1/ovn-eips/ta-eip", CatalogueWorld.Eip("ta-eip"), Who.Member(A));
        await PutAsync("fip", "/apis/kubeovn.io/v1/ovn-fips/ta-fip", Examples.Read("fip", "ovn-fip.yaml").With("name", "ta-fip")
            .With("ovnEip", "ta-eip").With("ipName", null).Replace("spec:\n", "spec:\n  v4Ip: 192.168.100.41\n"), Who.Member(A));

        await PutAsync("sriov", $"{Base}/sriovnetworknodestates/node-10", Read("node-state-node-10.yaml"), Who.Agent);
        await PutAsync("sriov", $"{Base}/sriovnetworknodepolicies/node-policy-10", Read("policy-runc-eth.yaml"));
        await PutAsync("sriov", $"{Base}/sriovnetworks/nics", Read("network-nics.yaml"));
        await PutAsync("sriov", $"{Base}/sriovnetworknodestates/node-10", Read("node-state-node-10-configured.yaml"), Who.Agent);
        await Eventually.TrueAsync(async () => (await Mesh.SendAsync("sriov", HttpMethod.Post, "/api/v1/vf-allocations",
            JsonSerializer.Serialize(Pod("pod-runc-nics.yaml", "ta-vf-pod", "ta-vf-pod", project: A), JsonSerializerOptions.Web), Who.Member(A))).IsSuccessStatusCode,
            "project A's pod gets a VF (once IPAM has the network's range)");

        var agent = Http("gpu", Who.Agent);
        await OkAsync(await PutNodeAsync(agent, "gpu-node-1", [T4(0, "gpu-node-1"), T4(1, "gpu-node-1")]));
        await OkAsync(await AssignAsync(Http("gpu", Who.Member(A)), Pod("ta-gpu-pod", Gpus(1), "gpu-node-1", project: A, annotations: Exclusive)));
        await OkAsync(await Http("gpu").PutAsJsonAsync($"/apis/gpu.mesh.io/v1/gpuquotas/{A}", new
        {
            apiVersion = "gpu.mesh.io/v1", kind = "GpuQuota", metadata = new { name = A },
            spec = new { hard = new Dictionary<string, long> { ["nvidia.com/gpu"] = 4 } },
        }));
        await Mesh.SettleAsync(TimeSpan.FromSeconds(1.5));
    }

    public async Task DisposeAsync() => await Mesh.DisposeAsync();

    public HttpClient Http(string service, Who? who = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(Mesh.Processes.Urls[service]) };
        if ((who ?? Who.Admin).Token is { } token)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return http;
    }

    private async Task AllocateAsync(string uid, string subnet, string ip) =>
        await OkAsync(await Mesh.SendAsync("ipam", HttpMethod.Post, "/api/v1/allocations",
            JsonSerializer.Serialize(ClientBus.Pod(uid, subnet, project: A, ip: ip) with { PodName = uid }, JsonSerializerOptions.Web), Who.Member(A)));

    private async Task PutAsync(string service, string path, string body, Who? who = null) =>
        await OkAsync(await Mesh.SendAsync(service, HttpMethod.Put, path, body, who ?? Who.Admin));

    private static async Task OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
    }
}
