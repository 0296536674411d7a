using Mesh.EventSourcing.Actors;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Streams;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Sriov.Tests;

/// A node and a configuration whose writers unloaded after their idle timeout answer the next command (issue 23).
public sealed class IdleWriterTests : SriovTestBase
{
    protected override void Configure(WebApplicationBuilder builder) => builder.Configuration["Mesh:Writers:IdleTimeout"] = "00:00:00.300";

    [Fact]
    [Trait("issue", "23")]
    public async Task A_node_idle_past_the_writers_idle_timeout_still_allocates_and_releases_VFs()
    {
        await ConfigureAsync("policy-runc-eth.yaml", "sriovnetworks", "nics");
        var first = await JsonAsync(await AllocateAsync(Admin, Pod("pod-runc-nics.yaml", "idle-1")));
        var nodes = App.Services.GetRequiredService<KeyedWriter<NodeState, object, object?>>();
        var config = App.Services.GetRequiredService<KeyedWriter<SriovConfig, ConfigCommand, ConfigSnapshot>>();
        await Eventually.TrueAsync(() => !nodes.IsLoaded("node-10") && config.LoadedKeys == 0, "node-10's and the configuration's writers to unload");

        var second = await JsonAsync(await AllocateAsync(Admin, Pod("pod-runc-nics.yaml", "idle-2", "pod-2")).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.NotEqual(first["vfs"]![0]!["vfPciAddress"]!.GetValue<string>(), second["vfs"]![0]!["vfPciAddress"]!.GetValue<string>());
        await Eventually.TrueAsync(() => !nodes.IsLoaded("node-10"), "node-10's writer to unload again");
        var released = await JsonAsync(await Admin.DeleteAsync("/api/v1/vf-allocations/idle-1").WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(first["vfs"]![0]!["vfPciAddress"]!.GetValue<string>(), released["released"]![0]!["vfPciAddress"]!.GetValue<string>());
    }
}
