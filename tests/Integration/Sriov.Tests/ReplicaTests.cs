using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Sriov.Tests;

/// Two replicas of the service on one database: concurrent requests never get one VF twice.
public sealed class ReplicaTests : SriovTestBase
{
    private WebApplication _second = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _second = await SriovHost.StartAsync(Db, Vhost);
    }

    public override async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    [Trait("rule", "SRIOV-10")]
    public async Task Two_replicas_never_give_one_VF_twice_under_concurrent_requests()
    {
        await ConfigureAsync("policy-runc-ib.yaml", "sriovibnetworks", "ibnics");
        var replicas = new[] { Admin, SriovHost.Client(_second) };

        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            AllocateAsync(replicas[i % 2], Pod("pod-runc-ibnics.yaml", $"uid-{i}", $"pod-{i}"))));

        var granted = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Equal(3, granted.Count);
        var vfs = new List<string>();
        foreach (var r in granted)
        {
            vfs.Add(JsonNode.Parse(await r.Content.ReadAsStringAsync())!["vfs"]![0]!["vfPciAddress"]!.GetValue<string>());
        }
        Assert.Equal(["0000:71:00.1", "0000:71:00.2", "0000:71:00.3"], vfs.Order());
        foreach (var r in responses.Except(granted))
        {
            Assert.Equal("insufficient ecnf.io/mlxnics", await CodeAsync(r));
        }
    }
}
