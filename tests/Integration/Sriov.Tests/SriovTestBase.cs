using System.Net;
using System.Text.Json.Nodes;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using static Mesh.Sriov.Tests.ManualDocuments;

namespace Mesh.Sriov.Tests;

/// A database, a vhost, the fake IPAM (and node-10's agent) and one SR-IOV service per test class instance.
public abstract class SriovTestBase : IAsyncLifetime
{
    protected TestDatabase Db { get; private set; } = null!;
    protected TestVirtualHost Vhost { get; private set; } = null!;
    protected IHost IpamHost { get; private set; } = null!;
    protected FakeIpam Ipam { get; private set; } = null!;
    protected WebApplication App { get; private set; } = null!;
    protected HttpClient Admin { get; private set; } = null!;
    protected HttpClient Agent { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync("sriov");
        Vhost = await TestVirtualHost.CreateAsync("sriov");
        (IpamHost, Ipam) = await FakeIpam.StartAsync(Vhost, !UsesRealIpam);
        await StartIpamAsync();
        App = await SriovHost.StartAsync(Db, Vhost, Configure);
        Admin = SriovHost.Client(App);
        Agent = SriovHost.Client(App, "node", "platform", "agent-node-10");
    }

    /// Settings of this class's SR-IOV service beyond the test defaults.
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// The real IPAM service answers AllocateIp instead of the stand-in (see RealIpamTests).
    protected virtual bool UsesRealIpam => false;

    protected virtual Task StartIpamAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await IpamHost.StopAsync();
        IpamHost.Dispose();
        await Vhost.DisposeAsync();
        await Db.DisposeAsync();
    }

    /// node-10 reports its PF, the scenario's policy is applied, the agent reports 3 VFs, the network exists.
    // SRIOV-5a: the agent's report shows the VFs bound to the driver the policy's deviceType needs.
    private string _configured = "node-state-node-10-configured.yaml";

    /// <summary>POOL-1: every example network is on mlxnics with 192.168.100.0/24, so they share this IPAM pool.</summary>
    protected const string SharedPool = "sriov.mlxnics.192-168-100-0-24";

    protected async Task<JsonNode> ConfigureAsync(string policyFile, string networkPlural, string network, bool agentSucceeds = true)
    {
        _configured = policyFile.Contains("rune", StringComparison.Ordinal) ? "node-state-node-10-configured-vfio.yaml" : "node-state-node-10-configured.yaml";
        await JsonAsync(await PutFileAsync(Agent, "sriovnetworknodestates", "node-10", "node-state-node-10.yaml"));
        var policy = await JsonAsync(await PutFileAsync(Admin, "sriovnetworknodepolicies", "node-policy-10", policyFile));
        await JsonAsync(await PutFileAsync(Admin, networkPlural, network, $"network-{network}.yaml"));
        if (agentSucceeds)
        {
            await ReportConfiguredAsync();
        }
        if (!UsesRealIpam)
        {
            await Eventually.TrueAsync(() => Ipam.Knows(SharedPool), "the IPAM service learns the network's range");
        }
        return policy;
    }

    protected async Task ReportConfiguredAsync() =>
        Assert.Equal(HttpStatusCode.OK, (await PutFileAsync(Agent, "sriovnetworknodestates", "node-10", _configured)).StatusCode);
}
