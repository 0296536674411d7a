using System.Net.Http.Json;
using System.Text.Json;
using Mesh.Ipam.Tests;
using Mesh.Testing;
using static Mesh.Gpu.Tests.Requests;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Input.Tests.Tenancy;

/// <summary>
/// Project <see cref="A"/>'s resources in every service, each named or numbered so that a <see cref="Markers">marker</see>
/// finds it in any answer: an unshared subnet with a pod, a pod on a shared subnet, a floating IP and its rule, a VF, a GPU
/// assignment and a GPU quota. Arranged in the outside callers' world (<see cref="Clients.PythonWorld"/>), which already
/// holds the seeds' topology, the FIP pool and node-10's SR-IOV configuration.
/// </summary>
public static class TenancyWorld
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

    public static async Task ArrangeAsync(MeshUnderTest mesh)
    {
        await mesh.PutOkAsync("vpc", "/apis/kubeovn.io/v1/subnets/ta-subnet", CatalogueWorld.Subnet("ta-subnet", $"  cidrBlock: 10.240.0.0/24\n  projectIDs: [{A}]"));
        await Eventually.TrueAsync(async () => (await mesh.SendAsync("ipam", HttpMethod.Get, "/api/v1/subnets/ta-subnet/usage", null, Who.Admin)).IsSuccessStatusCode,
            "IPAM has the pool of ta-subnet");
        await AllocateAsync(mesh, "ta-pod-1", "ta-subnet", "10.240.0.10");
        await AllocateAsync(mesh, "ta-pod-2", "net192", "192.168.100.41");
        await Eventually.TrueAsync(async () => await mesh.Processes.Database("fip").ScalarAsync<long>(
            "SELECT count(*) FROM world_addresses WHERE ip = '192.168.100.41' AND NOT released") == 1, "the FIP service learns ta-pod-2's address");

        await mesh.PutOkAsync("fip", "/apis/kubeovn.io/v1/ovn-eips/ta-eip", CatalogueWorld.Eip("ta-eip"), Who.Member(A));
        await mesh.PutOkAsync("fip", "/apis/kubeovn.io/v1/ovn-fips/ta-fip", Examples.Read("fip", "ovn-fip.yaml").With("name", "ta-fip")
            .With("ovnEip", "ta-eip").With("ipName", null).Replace("spec:\n", "spec:\n  v4Ip: 192.168.100.41\n"), Who.Member(A));

        await Eventually.TrueAsync(async () => (await mesh.SendAsync("sriov", HttpMethod.Post, "/api/v1/vf-allocations",
            JsonSerializer.Serialize(Pod("pod-runc-nics.yaml", "ta-vf-pod", "ta-vf-pod", project: A), JsonSerializerOptions.Web), Who.Member(A))).IsSuccessStatusCode,
            "project A's pod gets a VF (once IPAM has the network's range)");

        await MeshUnderTest.OkAsync(await PutNodeAsync(mesh.Http("gpu", Who.Agent), "gpu-node-1", [T4(0, "gpu-node-1"), T4(1, "gpu-node-1")]));
        await MeshUnderTest.OkAsync(await AssignAsync(mesh.Http("gpu", Who.Member(A)), Pod("ta-gpu-pod", Gpus(1), "gpu-node-1", project: A, annotations: Exclusive)));
        await MeshUnderTest.OkAsync(await mesh.Http("gpu", Who.Admin).PutAsJsonAsync($"/apis/gpu.mesh.io/v1/gpuquotas/{A}", new
        {
            apiVersion = "gpu.mesh.io/v1", kind = "GpuQuota", metadata = new { name = A },
            spec = new { hard = new Dictionary<string, long> { ["nvidia.com/gpu"] = 4 } },
        }));
    }

    private static async Task AllocateAsync(MeshUnderTest mesh, string uid, string subnet, string ip) =>
        await MeshUnderTest.OkAsync(await mesh.SendAsync("ipam", HttpMethod.Post, "/api/v1/allocations",
            JsonSerializer.Serialize(ClientBus.Pod(uid, subnet, project: A, ip: ip) with { PodName = uid }, JsonSerializerOptions.Web), Who.Member(A)));


}
