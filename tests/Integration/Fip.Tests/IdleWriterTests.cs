using Mesh.EventSourcing.Actors;
using Mesh.Fip.Domain.State;
using Mesh.Fip.Service.Writing;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Mesh.Fip.Tests.FipFixture;

namespace Mesh.Fip.Tests;

/// <summary>A FIP pool whose writer unloaded after its idle timeout answers the next command (issue 23).</summary>
public sealed class IdleWriterTests(IdleWriterTests.ShortIdleFixture f) : IClassFixture<IdleWriterTests.ShortIdleFixture>
{
    public sealed class ShortIdleFixture : FipFixture
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mesh:Writers:IdleTimeout"] = "00:00:00.300" };
    }

    [Fact]
    [Trait("issue", "23")]
    public async Task A_pool_idle_past_the_writers_idle_timeout_still_allocates_and_releases_EIPs()
    {
        var member = f.Member("proj-idle");
        var first = Ok(await f.SendAsync(HttpMethod.Put, Docs.Eips + "idle-eip-1", member, Docs.Eip("idle-eip-1")));
        var pools = f.App.Services.GetRequiredService<KeyedWriter<FipPoolState, object, PoolOutcome>>();
        await Eventually.TrueAsync(() => !pools.IsLoaded(ExtA), "the pool's writer to unload");

        var second = Ok(await f.SendAsync(HttpMethod.Put, Docs.Eips + "idle-eip-2", member, Docs.Eip("idle-eip-2")).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.NotEqual(first.GetProperty("status").GetProperty("v4Ip").GetString(), second.GetProperty("status").GetProperty("v4Ip").GetString());
        await Eventually.TrueAsync(() => !pools.IsLoaded(ExtA), "the pool's writer to unload again");
        Ok(await f.SendAsync(HttpMethod.Delete, Docs.Eips + "idle-eip-1", member).WaitAsync(TimeSpan.FromSeconds(20)));
        await ProblemAsync(await f.SendAsync(HttpMethod.Get, Docs.Eips + "idle-eip-1", member), 404, "FipNotFound");
    }
}
