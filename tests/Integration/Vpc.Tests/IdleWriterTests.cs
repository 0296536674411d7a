using System.Text.Json.Nodes;
using Mesh.EventSourcing.Actors;
using Mesh.Testing;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Vpc.Tests;

/// <summary>The topology whose writer unloaded after its idle timeout answers the next command (issue 23).</summary>
public sealed class IdleWriterTests
{
    [Fact]
    [Trait("issue", "23")]
    public async Task The_topology_idle_past_the_writers_idle_timeout_still_takes_documents()
    {
        await using var db = await TestDatabase.CreateAsync("vpcidle");
        await using var vhost = await TestVirtualHost.CreateAsync("vpcidle");
        await using var host = await VpcHost.StartAsync(db, vhost, new Dictionary<string, string?> { ["Mesh:Writers:IdleTimeout"] = "00:00:00.300" });
        var topology = host.App.Services.GetRequiredService<KeyedWriter<Topology, TopologyRequest, JsonObject?>>();
        foreach (var file in new[] { "external-network.yaml", "test-vpc2.yaml", "net192.yaml" })
        {
            await Eventually.TrueAsync(() => !topology.IsLoaded(TopologyEventTypes.Stream), "the topology's writer to unload");
            var (path, name) = ApiFixture.Route(file);
            var doc = await Problems.OkAsync(await host.PutAsync($"{path}/{name}", VpcHost.Example(file)).WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.Equal(name, doc.GetProperty("metadata").GetProperty("name").GetString());
        }
        await Eventually.TrueAsync(() => !topology.IsLoaded(TopologyEventTypes.Stream), "the topology's writer to unload again");
        var net192 = await host.GetJsonAsync("/apis/kubeovn.io/v1/subnets/net192").WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("test-vpc2", net192.GetProperty("spec").GetProperty("vpc").GetString());
    }
}
