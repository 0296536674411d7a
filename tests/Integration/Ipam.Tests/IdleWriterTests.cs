using Mesh.EventSourcing.Actors;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;
using Mesh.Ipam.Service.Pools;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Ipam.Tests;

/// <summary>A subnet whose pool writer unloaded after its idle timeout answers its next command (issue 23).</summary>
public sealed class IdleWriterTests
{
    [Fact]
    [Trait("issue", "23")]
    public async Task A_subnet_idle_past_the_writers_idle_timeout_still_allocates_and_releases_on_the_bus()
    {
        await using var db = await TestDatabase.CreateAsync("ipamidle");
        await using var vhost = await TestVirtualHost.CreateAsync("ipamidle");
        await using var app = await IpamHost.StartAsync(db, vhost, new Dictionary<string, string?> { ["Mesh:Writers:IdleTimeout"] = "00:00:00.300" });
        await using var bus = await ClientBus.StartAsync(vhost.Url);
        await bus.Bus.Publish(ClientBus.Subnet("idle40", "10.40.0.0/24", "10.40.0.1"));
        await Wait.ForPoolAsync(app, "idle40");

        var first = (await bus.AllocateAsync(ClientBus.Pod("idle-1", "idle40"))).Ok!;
        var pools = app.Services.GetRequiredService<KeyedWriter<SubnetPool, IpamCommand, PoolOutcome>>();
        await Eventually.TrueAsync(() => !pools.IsLoaded("idle40"), "the idle pool writer to unload");

        var second = (await bus.AllocateAsync(ClientBus.Pod("idle-2", "idle40")).WaitAsync(TimeSpan.FromSeconds(20))).Ok!;
        Assert.NotEqual(first.IpAddress, second.IpAddress);
        await Eventually.TrueAsync(() => !pools.IsLoaded("idle40"), "the idle pool writer to unload again");
        Assert.Equal([first.IpAddress], (await bus.ReleaseAsync("idle-1").WaitAsync(TimeSpan.FromSeconds(20))).Released);
    }

    [Theory]
    [Trait("issue", "23")]
    [InlineData("Mesh:Writers:IdleTimeout", "00:00:00", "Mesh:Writers:IdleTimeout must be positive")]
    [InlineData("Mesh:Writers:MaxBatch", "0", "Mesh:Writers:MaxBatch must be at least 1 (is 0)")]
    public async Task A_service_with_unusable_writer_settings_refuses_to_start_and_names_them(string key, string value, string named)
    {
        await using var db = await TestDatabase.CreateAsync("ipamidlebad");
        await using var vhost = await TestVirtualHost.CreateAsync("ipamidlebad");
        var app = IpamHost.Build(db, vhost, new Dictionary<string, string?> { [key] = value });
        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(named, refused.Message);
        await app.DisposeAsync();
    }
}
