using System.Text.Json;
using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Fip;
using Mesh.Contracts.Gpu;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Sriov;
using Mesh.Gpu.Tests;
using Mesh.Ipam.Tests;
using Mesh.Sriov.Tests;

namespace Mesh.Input.Tests.Fuzz;

/// <summary>
/// The fuzz test's valid starting points: the seeds' documents (examples/) and the other suites' requests, renamed
/// into names, addresses and a project of their own (fz-*, 172.111.0.0/24, 192.168.150.0/24, project fuzz), so that
/// whatever a mutation gets accepted never touches the catalogue's world in the same services.
/// </summary>
public static class FuzzSeeds
{
    public const string Project = "fuzz";
    private const string NetworkId = "6c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e";
    private static readonly Who Member = Who.Member(Project);

    public static readonly IReadOnlyList<FuzzSeed> Documents =
    [
        Vpc("externalnetworks", "fz-ext", Examples.Read("vpc", "external-network.yaml").With("name", "fz-ext").With("id", NetworkId)
            .With("cidr", "172.111.0.0/24").With("gateway", "172.111.0.1"), "/apis/network.mesh.io/v1"),
        Vpc("vpcs", "fz-vpc2", Examples.Read("vpc", "test-vpc2.yaml").With("name", "fz-vpc2").With("externalNetworkID", NetworkId)
            .With("externalGatewayIp", "172.111.0.160")),
        Vpc("subnets", "fz-net192", Examples.Read("vpc", "net192.yaml").With("name", "fz-net192").With("vpc", "fz-vpc2").With("cidrBlock", "192.168.150.0/24")),
        Vpc("vpcs", "fz-vpc-secondary", Examples.Read("vpc", "vpc-secondary.yaml").With("name", "fz-vpc-secondary")),
        Vpc("subnets", "fz-subnet-secondary", Examples.Read("vpc", "subnet-secondary.yaml").With("name", "fz-subnet-secondary")
            .With("vpc", "fz-vpc-secondary").With("cidrBlock", "\"10.150.0.0/16\"").With("gateway", "\"10.150.0.1\"")),
        Vpc("vpc-nat-gateways", "fz-nat-gw", Examples.Read("vpc", "vpc-nat-gw.yaml").With("name", "fz-nat-gw").With("vpc", "fz-vpc-secondary")
            .With("subnet", "fz-subnet-secondary").With("lanIp", "\"10.150.0.254\"")),
        Ipam(ClientBus.Pod("fz-vm1", "fz-net192", Project, ip: "192.168.150.11") with { PodName = "fz-vm1" }),
        Ipam(ClientBus.Pod("fz-pod1", "fz-net192", Project, ip: "192.168.150.12") with { PodName = "fz-pod1" }),
        Fip("/apis/neutron.io/v1/fips/fz-ext-net", Examples.Read("fip", "fip-pool.yaml").With("name", "fz-ext-net").With("externalNetworkID", NetworkId)
            .With("cidr", "172.111.0.0/24").With("gateway", "172.111.0.1").With("ranges", "[172.111.0.10..172.111.0.60]").With("excludes", "[172.111.0.50]"), Who.Admin),
        Fip("/apis/kubeovn.io/v1/ovn-eips/fz-eip-static", Examples.Read("fip", "ovn-eip.yaml").With("name", "fz-eip-static")
            .With("externalSubnet", "fz-ext-net").With("v4Ip", "172.111.0.20")),
        Fip("/apis/kubeovn.io/v1/ovn-eips/fz-eip-snat", Examples.Read("fip", "ovn-eip.yaml").With("name", "fz-eip-snat")
            .With("externalSubnet", "fz-ext-net").With("v4Ip", "172.111.0.21")),
        Fip("/apis/kubeovn.io/v1/ovn-eips/fz-eip-dnat", Examples.Read("fip", "ovn-eip.yaml").With("name", "fz-eip-dnat")
            .With("externalSubnet", "fz-ext-net").With("v4Ip", "172.111.0.22")),
        Fip("/apis/kubeovn.io/v1/ovn-fips/fz-vm1-fip", Examples.Read("fip", "ovn-fip.yaml").With("name", "fz-vm1-fip").With("ovnEip", "fz-eip-static")
            .With("ipName", "fz-vm1.default")),
        Fip("/apis/kubeovn.io/v1/ovn-snat-rules/fz-pod1-snat", Examples.Document("fip", "ovn-snat-rule.yaml", 1).With("name", "fz-pod1-snat")
            .With("ovnEip", "fz-eip-snat").With("v4IpCidr", "192.168.150.12")),
        Fip("/apis/kubeovn.io/v1/ovn-dnat-rules/fz-vm1-ssh", Examples.Read("fip", "ovn-dnat-rule.yaml").With("name", "fz-vm1-ssh")
            .With("ovnEip", "fz-eip-dnat").With("ipName", "fz-vm1.default")),
        Sriov("sriovnetworknodestates/fz-node-10", FuzzNode(ManualDocuments.Read("node-state-node-10.yaml")), Who.Agent),
        Sriov("sriovnetworknodepolicies/fz-policy-10", ManualDocuments.Read("policy-runc-eth.yaml").With("name", "fz-policy-10")
            .With("resourceName", "fznics").With("kubernetes.io/hostname", "fz-node-10").Replace("0000:71:00", "0000:91:00"), Who.Admin),
        Sriov("sriovnetworks/fz-nics", ManualDocuments.Read("network-nics.yaml").With("name", "fz-nics").With("resourceName", "fznics")
            .Replace("192.168.100.", "192.168.160."), Who.Admin),
        Sriov("sriovnetworknodestates/fz-node-10", FuzzNode(ManualDocuments.Read("node-state-node-10-configured.yaml")), Who.Agent),
        new("sriov", HttpMethod.Post, "/api/v1/vf-allocations", Json(VfPod), Member),
        Gpu("/apis/gpu.mesh.io/v1/gpunodes/fz-gpu", Json(Requests.Node("fz-gpu", [Requests.T4(0, "fz-gpu"), Requests.T4(1, "fz-gpu")])), Who.Agent),
        Gpu("/apis/gpu.mesh.io/v1/gpunodes/fz-xpu", Json(Requests.Node("fz-xpu", [Requests.R200(0, "fz-xpu")])), Who.Agent),
        Gpu("/apis/gpu.mesh.io/v1/gpuquotas/fuzz", Json(new
        {
            apiVersion = "gpu.mesh.io/v1", kind = "GpuQuota", metadata = new { name = Project },
            spec = new { hard = new Dictionary<string, long> { ["nvidia.com/gpu"] = 8 } },
        }), Who.Admin),
        new("gpu", HttpMethod.Post, "/apis/gpu.mesh.io/v1/assignments", Json(Requests.Pod("fz-gpu-pod", Requests.Gpus(1), "fz-gpu", Project)), Member),
    ];

    public static readonly IReadOnlyList<BusSeed> Commands =
    [
        Bus<AllocateIp, IpAllocation>("ipam", ClientBus.Pod("fz-bus-pod", "fz-net192", Project)),
        Bus<AllocateFip, FipAllocation>("fip", new AllocateFip { Project = Project, Name = "fz-bus-eip", ExternalSubnet = "fz-ext-net" }),
        Bus<AllocatePodVfs, PodVfAllocation>("sriov", VfPod with { PodUid = "fz-bus-vf" }),
        Bus<AssignPodGpus, GpuAssignment>("gpu", new AssignPodGpus
        {
            Pod = JsonSerializer.Deserialize<GpuPod>(Json(Requests.Pod("fz-bus-gpu", Requests.Gpus(1), "fz-gpu", Project)), JsonSerializerOptions.Web)!,
        }),
    ];

    private static AllocatePodVfs VfPod => ManualDocuments.Pod("pod-runc-nics.yaml", "fz-vf-pod", project: Project) with
    {
        Node = "fz-node-10",
        Requests = new Dictionary<string, int> { ["ecnf.io/fznics"] = 1 },
        Annotations = new Dictionary<string, string> { ["k8s.v1.cni.cncf.io/networks"] = "eks-managed/fz-nics" },
    };

    // Another node and another PF address: a mutated policy that lost its nodeSelector (or its rootDevices) still
    // matches no PF of the catalogue's node-10.
    private static string FuzzNode(string state) => state.Replace("node-10", "fz-node-10").Replace("0000:71:00", "0000:91:00");

    private static FuzzSeed Vpc(string plural, string name, string yaml, string group = "/apis/kubeovn.io/v1") =>
        new("vpc", HttpMethod.Put, $"{group}/{plural}/{name}", yaml, Who.Admin);

    private static FuzzSeed Ipam(AllocateIp pod) => new("ipam", HttpMethod.Post, "/api/v1/allocations", Json(pod), Member);

    private static FuzzSeed Fip(string path, string yaml, Who? who = null) => new("fip", HttpMethod.Put, path, yaml, who ?? Member);

    private static FuzzSeed Sriov(string path, string yaml, Who who) => new("sriov", HttpMethod.Put, $"{ManualDocuments.Base}/{path}", yaml, who);

    private static FuzzSeed Gpu(string path, string json, Who who) => new("gpu", HttpMethod.Put, path, json, who);

    private static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    // The command goes as JSON through the typed contract (the bus serializer's own shape); a mutation the record
    // cannot hold is reported as not sent (status 0).
    private static BusSeed Bus<TCommand, TOk>(string service, TCommand command) where TCommand : class where TOk : class =>
        new(service, Json(command), async (mesh, json, correlation) =>
        {
            TCommand? message;
            try
            {
                message = JsonSerializer.Deserialize<TCommand>(json, JsonSerializerOptions.Web);
            }
            catch (JsonException)
            {
                return new BusAnswer(0, null);
            }
            if (message is null)
            {
                return new BusAnswer(0, null);
            }
            var response = await mesh.Bus.Client<TCommand>().GetResponse<TOk, Rejected>(message, x => x.UseExecute(c => c.CorrelationId = correlation));
            return response.Is(out Response<Rejected>? no) ? new BusAnswer(no!.Message.Status, no.Message.Code) : new BusAnswer(200, null);
        });
}
