using System.Net.Http.Json;
using System.Text.Json;
using Mesh.Contracts;
using Mesh.Contracts.Fip;
using Mesh.Contracts.Ipam;
using Mesh.Ipam.Tests;
using Mesh.Testing;
using static Mesh.Gpu.Tests.Requests;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Input.Tests;

/// <summary>
/// The services, and the world every catalogue row needs in place before it sends its bad request: the seeds'
/// topology (external-net, test-vpc2, net192, vpc-secondary) and a few subnets, addresses, floating IPs, rules,
/// SR-IOV node states, policies and networks, GPU nodes and a quota. Arranged once; rows only ever refuse, so it
/// stays as it is.
/// </summary>
public sealed class CatalogueWorld : IAsyncLifetime
{
    public const string SmallNetworkId = "5b0c0f3e-9d7a-4c55-8c1e-2f4b6a7d8e90";

    public MeshUnderTest Mesh { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Mesh = await MeshUnderTest.StartAsync();
        await TopologyAsync();
        await AddressesAsync();
        await FloatingIpsAsync();
        await SriovAsync();
        await GpusAsync();
        await Mesh.SettleAsync(TimeSpan.FromSeconds(1.5));
    }

    public async Task DisposeAsync() => await Mesh.DisposeAsync();

    public static string Subnet(string name, string spec) =>
        $"apiVersion: kubeovn.io/v1\nkind: Subnet\nmetadata:\n  name: {name}\nspec:\n{spec}\n";

    private async Task TopologyAsync()
    {
        await Mesh.PutOkAsync("vpc", "/apis/network.mesh.io/v1/externalnetworks/external-net", Examples.Read("vpc", "external-network.yaml"));
        await Mesh.PutOkAsync("vpc", "/apis/network.mesh.io/v1/externalnetworks/cat-ext-small", Examples.Read("vpc", "external-network.yaml")
            .With("name", "cat-ext-small").With("id", SmallNetworkId).With("cidr", "198.51.100.0/29").With("gateway", "198.51.100.1"));
        await Mesh.PutOkAsync("vpc", "/apis/kubeovn.io/v1/vpcs/test-vpc2", Examples.Read("vpc", "test-vpc2.yaml"));
        await Mesh.PutOkAsync("vpc", "/apis/kubeovn.io/v1/subnets/net192", Examples.Read("vpc", "net192.yaml"));
        await Mesh.PutOkAsync("vpc", "/apis/kubeovn.io/v1/vpcs/vpc-secondary", Examples.Read("vpc", "vpc-secondary.yaml"));
        await Mesh.PutOkAsync("vpc", "/apis/kubeovn.io/v1/subnets/cat-sec", Subnet("cat-sec", "  vpc: vpc-secondary\n  cidrBlock: 10.220.0.0/24"));
        await Mesh.PutOkAsync("vpc", "/apis/kubeovn.io/v1/vpc-nat-gateways/cat-gw", Examples.Read("vpc", "vpc-nat-gw.yaml")
            .With("name", "cat-gw").With("subnet", "cat-sec").With("lanIp", "10.220.0.254"));
        foreach (var (name, spec) in new[]
        {
            ("cat-a", "  cidrBlock: 10.210.0.0/24\n  excludeIps: [10.210.0.100]"),
            ("cat-tiny", "  cidrBlock: 10.211.0.0/30"),
            ("cat-p1", "  cidrBlock: 10.212.0.0/24\n  projectIDs: [p1]"),
            ("cat-used", "  cidrBlock: 10.213.0.0/24"),
        })
        {
            await Mesh.PutOkAsync("vpc", $"/apis/kubeovn.io/v1/subnets/{name}", Subnet(name, spec));
        }
        foreach (var pool in new[] { "net192", "cat-a", "cat-tiny", "cat-p1", "cat-used" })
        {
            await Eventually.TrueAsync(async () => (await Mesh.SendAsync("ipam", HttpMethod.Get, $"/api/v1/subnets/{pool}/usage", null, Who.Admin)).IsSuccessStatusCode,
                $"IPAM has the pool of {pool}");
        }
    }

    // IPAM: a holder with a static address and MAC, a full /30, an allocated subnet, a released (quarantined)
    // address, and the pods the floating IP rules point at (vm1, pod1, vm2 on net192).
    private async Task AddressesAsync()
    {
        await AllocateIpAsync(ClientBus.Pod("cat-holder", "cat-a", ip: "10.210.0.10") with { MacAddress = "0a:00:00:00:00:10" });
        await AllocateIpAsync(ClientBus.Pod("cat-full", "cat-tiny"));
        await AllocateIpAsync(ClientBus.Pod("cat-user", "cat-used"));
        await AllocateIpAsync(ClientBus.Pod("cat-gone", "cat-a", ip: "10.210.0.20"));
        await MeshUnderTest.OkAsync(await Mesh.SendAsync("ipam", HttpMethod.Delete, "/api/v1/allocations/cat-gone?project=p1", null, Who.Admin));
        foreach (var (pod, ip) in new[] { ("vm1", "192.168.100.11"), ("pod1", "192.168.100.12"), ("vm2", "192.168.100.13") })
        {
            await AllocateIpAsync(ClientBus.Pod(pod, "net192", ip: ip) with { PodName = pod });
        }
        await Eventually.TrueAsync(async () => await Mesh.Processes.Database("fip").ScalarAsync<long>(
            "SELECT count(*) FROM world_addresses WHERE ip IN ('192.168.100.11', '192.168.100.12', '192.168.100.13', '10.210.0.10') AND NOT released") == 4,
            "the FIP service learns IPAM's allocations");
        await Eventually.TrueAsync(async () => (await (await Mesh.SendAsync("vpc", HttpMethod.Get, "/apis/kubeovn.io/v1/subnets/cat-used", null, Who.Admin))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetProperty("v4usingIPs").GetDouble() == 1, "the VPC service records cat-used's usage");
    }

    // FIP: the seeds' pool, a pool of one address (taken), a project at its quota of 10, the seeds' eip, snat
    // and dnat rules, and a floating IP allocated over the bus with an idempotency key.
    private async Task FloatingIpsAsync()
    {
        await Mesh.PutOkAsync("fip", "/apis/neutron.io/v1/fips/ext-net", Examples.Read("fip", "fip-pool.yaml"));
        await Mesh.PutOkAsync("fip", "/apis/neutron.io/v1/fips/cat-ext-small", Examples.Read("fip", "fip-pool.yaml").With("name", "cat-ext-small")
            .With("externalNetworkID", SmallNetworkId).With("cidr", "198.51.100.0/29").With("gateway", "198.51.100.1")
            .With("ranges", "[198.51.100.2]").With("excludes", null));
        await Mesh.PutOkAsync("fip", "/apis/kubeovn.io/v1/ovn-eips/cat-small", Eip("cat-small", "cat-ext-small"), Who.Member("p3"));
        for (var i = 0; i < 10; i++)
        {
            await Mesh.PutOkAsync("fip", $"/apis/kubeovn.io/v1/ovn-eips/cat-q-{i}", Eip($"cat-q-{i}"), Who.Member("cat-quota"));
        }
        var p1 = Who.Member("p1");
        await Mesh.PutOkAsync("fip", "/apis/kubeovn.io/v1/ovn-eips/eip-static", Examples.Read("fip", "ovn-eip.yaml"), p1);
        foreach (var name in new[] { "eip-snat", "eip-dnat", "cat-spare" })
        {
            await Mesh.PutOkAsync("fip", $"/apis/kubeovn.io/v1/ovn-eips/{name}", Eip(name), p1);
        }
        await Mesh.PutOkAsync("fip", "/apis/kubeovn.io/v1/ovn-fips/vm1-fip", Examples.Read("fip", "ovn-fip.yaml"), p1);
        await Mesh.PutOkAsync("fip", "/apis/kubeovn.io/v1/ovn-snat-rules/pod1-snat", PodSnat, p1);
        await Mesh.PutOkAsync("fip", "/apis/kubeovn.io/v1/ovn-dnat-rules/vm1-ssh", Examples.Read("fip", "ovn-dnat-rule.yaml"), p1);
        var response = await Mesh.Bus.Client<AllocateFip>().GetResponse<FipAllocation, Rejected>(new AllocateFip
        {
            Project = "p1", Name = "cat-idem", ExternalSubnet = "ext-net", IdempotencyKey = "cat-key",
        });
        Assert.True(response.Is(out MassTransit.Response<FipAllocation>? _), "cat-idem is allocated over the bus");
    }

    /// <summary>An OvnEip from the seeds' example, renamed, any free address of <paramref name="pool"/>.</summary>
    public static string Eip(string name, string pool = "ext-net") =>
        Examples.Read("fip", "ovn-eip.yaml").With("name", name).With("externalSubnet", pool).With("v4Ip", null);

    /// <summary>The seeds' pod1-snat, pointed at pod1's address on net192.</summary>
    public static string PodSnat => Examples.Document("fip", "ovn-snat-rule.yaml", 1).With("v4IpCidr", "192.168.100.12");

    // SR-IOV: the manual's node-10 with policy-runc-eth and network nics, one VF held; an Intel policy that matches
    // no device (for MinTxRateUnsupported); node-12 whose policy is still being applied (InProgress).
    private async Task SriovAsync()
    {
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworknodestates/node-10", Read("node-state-node-10.yaml"), Who.Agent);
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworknodepolicies/node-policy-10", Read("policy-runc-eth.yaml"));
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworks/nics", Read("network-nics.yaml"));
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworknodestates/node-10", Read("node-state-node-10-configured.yaml"), Who.Agent);
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworknodepolicies/cat-intel", Read("policy-runc-eth.yaml").With("name", "cat-intel")
            .With("resourceName", "intelnics").With("vendor", "\"8086\"").With("deviceID", "\"158b\""));
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworknodestates/node-12", Node12State, Who.Agent);
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworknodepolicies/cat-policy-12", Read("policy-runc-eth.yaml").With("name", "cat-policy-12")
            .With("resourceName", "inprog").With("kubernetes.io/hostname", "node-12").With("rootDevices", "[\"0000:81:00.0\"]"));
        await Mesh.PutOkAsync("sriov", $"{Base}/sriovnetworks/cat-inprog", Read("network-nics.yaml").With("name", "cat-inprog").With("ipam", null)
            .With("resourceName", "inprog"));
        for (var attempt = 0; ; attempt++)
        {
            // The network's range reaches the IPAM service through the bus: the first VF may come before it does.
            var response = await AllocateAsync(Http("sriov"), Pod("pod-runc-nics.yaml", "cat-vf-1"));
            if (response.IsSuccessStatusCode || attempt > 40)
            {
                await MeshUnderTest.OkAsync(response);
                break;
            }
            await Task.Delay(250);
        }
    }

    public static string Node12State => Read("node-state-node-10.yaml").Replace("node-10", "node-12").Replace("0000:71:00", "0000:81:00");

    // GPUs: a two-T4 node whose second card is unhealthy, with one pod on it; an Arm node; a Kunlun node whose
    // only card a pod holds exclusively; a project whose quota is zero cards.
    private async Task GpusAsync()
    {
        var agent = Http("gpu", Who.Agent);
        await MeshUnderTest.OkAsync(await PutNodeAsync(agent, "cat-gpu", [T4(0, "cat-gpu"), T4(1, "cat-gpu", healthy: false)]));
        await MeshUnderTest.OkAsync(await PutNodeAsync(agent, "cat-arm", [T4(0, "cat-arm")], arch: "arm64"));
        await MeshUnderTest.OkAsync(await PutNodeAsync(agent, "cat-xpu", [R200(0, "cat-xpu")]));
        var admin = Http("gpu");
        await MeshUnderTest.OkAsync(await AssignAsync(admin, Pod("cat-gpu-holder", Gpus(1), "cat-gpu")));
        await MeshUnderTest.OkAsync(await AssignAsync(admin, Pod("cat-xpu-holder", new() { ["baidu.com/XPU"] = "1", ["cpu"] = "1", ["memory"] = "2Gi" }, "cat-xpu",
            annotations: Exclusive)));
        await MeshUnderTest.OkAsync(await admin.PutAsJsonAsync("/apis/gpu.mesh.io/v1/gpuquotas/cat-gq", new
        {
            apiVersion = "gpu.mesh.io/v1", kind = "GpuQuota", metadata = new { name = "cat-gq" },
            spec = new { hard = new Dictionary<string, long> { ["nvidia.com/gpu"] = 0 } },
        }));
    }

    /// <summary>An HTTP client of <paramref name="service"/> with <paramref name="who"/>'s token, for the other suites' helpers.</summary>
    public HttpClient Http(string service, Who? who = null) => Mesh.Http(service, who);

    private async Task AllocateIpAsync(AllocateIp pod) =>
        await MeshUnderTest.OkAsync(await Mesh.SendAsync("ipam", HttpMethod.Post, "/api/v1/allocations", JsonSerializer.Serialize(pod, JsonSerializerOptions.Web), Who.Admin));


}
