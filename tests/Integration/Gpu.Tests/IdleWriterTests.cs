using System.Net;
using Mesh.EventSourcing.Actors;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Handlers;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Mesh.Gpu.Tests.Requests;

namespace Mesh.Gpu.Tests;

/// <summary>A node and a project whose writers unloaded after their idle timeout answer the next command (issue 23).</summary>
public sealed class IdleWriterTests(IdleWriterTests.ShortIdleFixture fx) : IClassFixture<IdleWriterTests.ShortIdleFixture>
{
    public sealed class ShortIdleFixture : GpuFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mesh:Writers:IdleTimeout"] = "00:00:00.300" };
    }

    [Fact]
    [Trait("issue", "23")]
    public async Task A_node_idle_past_the_writers_idle_timeout_still_assigns_and_releases_GPUs()
    {
        var node = "idle-" + Id();
        var (first, second) = (Id(), Id());
        await PutNodeAsync(fx.Agent, node, [T4(0, node), T4(1, node)]);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(fx.Member, Pod(first, Gpus(1), node, annotations: Exclusive))).StatusCode);
        var nodes = fx.App.Services.GetRequiredService<KeyedWriter<GpuNode, object, GpuNodeReply>>();
        var quotas = fx.App.Services.GetRequiredService<KeyedWriter<GpuQuota, object, QuotaUsage>>();
        await Eventually.TrueAsync(() => !nodes.IsLoaded(node) && !quotas.IsLoaded("p1"), "the node's and the project's writers to unload");

        var assigned = await AssignAsync(fx.Member, Pod(second, Gpus(1), node, annotations: Exclusive)).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        await Eventually.TrueAsync(() => !nodes.IsLoaded(node), "the node's writer to unload again");
        var released = await (await fx.Member.DeleteAsync($"/apis/gpu.mesh.io/v1/assignments/{first}").WaitAsync(TimeSpan.FromSeconds(20))).JsonAsync();
        Assert.Equal(1, released.GetProperty("released").GetArrayLength());
    }
}
