using System.Net.Http.Json;
using System.Text.Json;
using Mesh.Ipam.Tests;
using Mesh.Testing;
using static Mesh.Gpu.Tests.Requests;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Input.Tests.Clients;

/// <summary>
/// The five services as processes with a world a Python platform service works in: subnets (one of a single address),
/// the seeds' topology with a pod on net192 and the FIP pool, SR-IOV node-10 configured with the network nics, a GPU node.
/// Python's commands allocate for real, so this world is its own, apart from the refusal catalogue's. Project tenant-a's
/// resources for the tenancy sweep (COMMON-6) live here too: one set of service processes for the outside callers' suites.
/// </summary>
public sealed class PythonWorld : IAsyncLifetime
{
    public MeshUnderTest Mesh { get; private set; } = null!;

    public string AmqpUrl => Mesh.Processes.VirtualHost.Url;

    public async Task InitializeAsync()
    {
        Mesh = await MeshUnderTest.StartAsync();
        await Mesh.PutOkAsync("vpc", "/apis/network.mesh.io/v1/externalnetworks/external-net", Examples.Read("vpc", "external-network.yaml"));
        await Mesh.PutOkAsync("vpc", "/apis/kubeovn.io/v1/vpcs/test-vpc2", Examples.Read("vpc", "test-vpc2.yaml"));
        await Mesh.PutOkAsync("vpc", "/apis/kubeovn.io/v1/subnets/net192", Examples.Read("vpc", "net192.yaml"));
        foreach (var (name, cidr) in new[] { ("py-a", "10.230.0.0/24"), ("py-tiny", "10.231.0.0/30"), ("py-burst", "10.232.0.0/22") })
        {
            await Mesh.PutOkAsync("vpc", $"/apis/kubeovn.io/v1/subnets/{name}", CatalogueWorld.Subnet(name, $"  cidrBlock: {cidr}"));
        }
        foreach (var pool in new[] { "net192", "py-a", "py-tiny", "py-burst" })
        {
            await Eventually.TrueAsync(async () => (await Mesh.SendAsync("ipam", HttpMethod.Get, $"/api/v1/subnets/{pool}/usage", null, Who.Admin)).IsSuccessStatusCode,
                $"IPAM has the pool of {pool}");
        }
        await Mesh.PutOkAsync("fip", "/apis/neutron.io/v1/fips/ext-net", Examples.Read("fip", "fip-pool.yaml"));
        await MeshUnderTest.OkAsync(await Mesh.SendAsync("ipam", HttpMethod.Post, "/api/v1/allocations",
            JsonSerializer.Serialize(ClientBus.Pod("py-vm1", "net192", ip: "192.168.100.31") with { PodName = "py-vm1" }, JsonSerializerOptions.Web), Who.Admin));
        await Eventually.TrueAsync(async () => await Mesh.Processes.Database("fip").ScalarAsync<long>(
            "SELECT count(*) FROM world_addresses WHERE ip = '192.168.100.31' AND NOT released") == 1, "the FIP service learns py-vm1's address");

        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworknodestates/node-10", Read("node-state-node-10.yaml"), Who.Agent);
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworknodepolicies/node-policy-10", Read("policy-runc-eth.yaml"));
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworks/nics", Read("network-nics.yaml"));
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworknodestates/node-10", Read("node-state-node-10-configured.yaml"), Who.Agent);
        await Eventually.TrueAsync(async () => (await Mesh.SendAsync("ipam", HttpMethod.Get, "/api/v1/subnets/sriov.mlxnics.192-168-100-0-24/usage", null, Who.Admin)).IsSuccessStatusCode,
            "IPAM has the range of the SR-IOV network nics");

        var agent = Mesh.Http("gpu", Who.Agent);
        await MeshUnderTest.OkAsync(await PutNodeAsync(agent, "py-gpu", [T4(0, "py-gpu"), T4(1, "py-gpu")]));
        await Tenancy.TenancyWorld.ArrangeAsync(Mesh);
        await Mesh.SettleAsync(TimeSpan.FromSeconds(1.5));
    }

    public async Task DisposeAsync() => await Mesh.DisposeAsync();

    /// <summary>An HTTP client of <paramref name="service"/> with <paramref name="who"/>'s token (an administrator's by default).</summary>
    public HttpClient Http(string service, Who? who = null) => Mesh.Http(service, who);


}
