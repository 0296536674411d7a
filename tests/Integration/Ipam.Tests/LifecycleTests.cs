using System.Net;
using System.Net.Http.Json;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Sriov;
using Mesh.Contracts.Vpc;
using Mesh.Ipam.Service.Handlers;
using Mesh.Testing;
using Microsoft.AspNetCore.Builder;

namespace Mesh.Ipam.Tests;

/// <summary>Deletion saga, leak reclaim, history, node routing, usage warnings, SR-IOV ranges: one replica, one bus.</summary>
public sealed class LifecycleTests(LifecycleTests.Fixture fx) : IClassFixture<LifecycleTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase _db = null!;
        private TestVirtualHost _vhost = null!;
        public WebApplication App { get; private set; } = null!;
        public ClientBus Bus { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _db = await TestDatabase.CreateAsync("ipamlife");
            _vhost = await TestVirtualHost.CreateAsync("ipamlife");
            App = await IpamHost.StartAsync(_db, _vhost, new Dictionary<string, string?> { ["Mesh:Ipam:LeakGrace"] = "00:00:01", ["Mesh:Ipam:LeakReports"] = "2" });
            Bus = await ClientBus.StartAsync(_vhost.Url);
        }

        public async Task DisposeAsync()
        {
            await Bus.DisposeAsync();
            await App.DisposeAsync();
            await _vhost.DisposeAsync();
            await _db.DisposeAsync();
        }
    }

    private async Task AnnounceAsync(string name, string cidr, string gateway)
    {
        await fx.Bus.Bus.Publish(ClientBus.Subnet(name, cidr, gateway));
        await Wait.ForPoolAsync(fx.App, name);
    }

    private Task<T> SeenAsync<T>(Func<T, bool> match, string what) where T : class =>
        Eventually.TrueAsync(() => fx.Bus.Seen.OfType<T>().Any(match), what)
            .ContinueWith(_ => fx.Bus.Seen.OfType<T>().First(match), TaskContinuationOptions.OnlyOnRanToCompletion);

    [Fact]
    [Trait("rule", "SUB-9")]
    public async Task Deletion_is_refused_with_the_holders_then_prepared_aborted_and_finally_removed()
    {
        await AnnounceAsync("saga", "10.40.0.0/24", "10.40.0.1");
        var held = (await fx.Bus.AllocateAsync(ClientBus.Pod("sg-1", "saga"))).Ok!;
        var refusedSaga = Guid.NewGuid();
        await fx.Bus.Bus.Publish(new SubnetDeletionRequested("saga", refusedSaga));
        var refused = await SeenAsync<SubnetDeletionRefused>(r => r.SagaId == refusedSaga, "refused");
        Assert.Equal(1, refused.Allocated);
        Assert.Contains(held.IpAddress, Assert.Single(refused.Holders));

        await fx.Bus.ReleaseAsync("sg-1");
        var saga = Guid.NewGuid();
        await fx.Bus.Bus.Publish(new SubnetDeletionRequested("saga", saga));
        await fx.Bus.Bus.Publish(new SubnetDeletionRequested("saga", saga));
        await SeenAsync<SubnetDeletionPrepared>(p => p.SagaId == saga, "prepared");
        Assert.Equal("SubnetClosing", (await fx.Bus.AllocateAsync(ClientBus.Pod("sg-2", "saga"))).No!.Code);
        await fx.Bus.Bus.Publish(new SubnetDeletionAborted("saga", saga, "changed my mind"));
        await Eventually.TrueAsync(async () => (await fx.Bus.AllocateAsync(ClientBus.Pod("sg-2", "saga"))).Ok is not null, "reopened");
        await fx.Bus.ReleaseAsync("sg-2");

        var final = Guid.NewGuid();
        await fx.Bus.Bus.Publish(new SubnetDeletionRequested("saga", final));
        await SeenAsync<SubnetDeletionPrepared>(p => p.SagaId == final, "prepared again");
        await fx.Bus.Bus.Publish(new SubnetRemoved("saga", final));
        await fx.Bus.Bus.Publish(new SubnetRemoved("saga", final));
        await Eventually.TrueAsync(async () => (await fx.Bus.AllocateAsync(ClientBus.Pod("sg-3", "saga"))).No?.Code == "SubnetNotFound", "deleted");
        Assert.Single(fx.Bus.Seen.OfType<SubnetDeletionPrepared>(), p => p.SagaId == saga);
    }

    [Fact]
    [Trait("rule", "IPAM-11")]
    public async Task A_pod_missing_from_its_nodes_reports_past_the_grace_period_loses_its_address()
    {
        await AnnounceAsync("leaky", "10.41.0.0/24", "10.41.0.1");
        var gone = (await fx.Bus.AllocateAsync(ClientBus.Pod("lk-gone", "leaky", node: "n7"))).Ok!;
        await fx.Bus.AllocateAsync(ClientBus.Pod("lk-live", "leaky", node: "n7"));
        var http = IpamHost.Http(fx.App, IpamHost.Admin());
        var first = await (await http.PostAsJsonAsync("/api/v1/nodes/n7/live-pods", new LiveReport(["lk-live"], null))).Content.ReadFromJsonAsync<LeakReport>();
        Assert.Equal(1, first!.Suspected);
        Assert.Empty(first.Reclaimed);
        await Task.Delay(1200);
        await fx.Bus.Bus.Publish(new ReportLivePods("n7", ["lk-live"], DateTimeOffset.UtcNow));
        var released = await SeenAsync<AddressReleased>(r => r.PodUid == "lk-gone", "reclaimed");
        Assert.Equal("LeakReclaimed", released.Reason);
        Assert.Equal(gone.IpAddress, released.IpAddress);
        Assert.Equal(gone.IpAddress, (await fx.Bus.AllocateAsync(ClientBus.Pod("lk-next", "leaky", ip: gone.IpAddress))).Ok!.IpAddress);
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public async Task A_node_whose_agent_has_no_pod_source_loses_nothing_however_often_it_reports()
    {
        await AnnounceAsync("blind", "10.43.0.0/24", "10.43.0.1");
        var held = (await fx.Bus.AllocateAsync(ClientBus.Pod("bl-1", "blind", node: "n8"))).Ok!;
        var http = IpamHost.Http(fx.App, IpamHost.Admin());
        for (var i = 0; i < 3; i++)
        {
            var report = await (await http.PostAsJsonAsync("/api/v1/nodes/n8/live-pods", new LiveReport([], null, "none"))).Content.ReadFromJsonAsync<LeakReport>();
            Assert.Equal((0, 0, 0), (report!.Suspected, report.Due, report.Reclaimed.Count));
            Assert.Contains("no pod source", report.Note);
            await Task.Delay(700);
        }
        await fx.Bus.Bus.Publish(new ReportLivePods("n8", [], DateTimeOffset.UtcNow, ReportLivePods.NoPodSource));
        await Task.Delay(500);
        var holders = (await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/addresses/{held.IpAddress}")).GetProperty("holders");
        Assert.Equal("bl-1", holders[0].GetProperty("podUid").GetString());
        Assert.DoesNotContain(fx.Bus.Seen.OfType<AddressReleased>(), r => r.PodUid == "bl-1");
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public async Task A_reclaim_of_more_than_the_nodes_share_is_withheld_as_an_event_until_an_operator_confirms()
    {
        await AnnounceAsync("mass", "10.44.0.0/24", "10.44.0.1");
        foreach (var uid in new[] { "ms-1", "ms-2", "ms-3" })
        {
            await fx.Bus.AllocateAsync(ClientBus.Pod(uid, "mass", node: "n9"));
        }
        var http = IpamHost.Http(fx.App, IpamHost.Admin());
        async Task<LeakReport> ReportAsync() =>
            (await (await http.PostAsJsonAsync("/api/v1/nodes/n9/live-pods", new LiveReport([], null, "kubelet"))).Content.ReadFromJsonAsync<LeakReport>())!;

        Assert.Equal(3, (await ReportAsync()).Suspected);
        await Task.Delay(1200);
        // Two reports and the grace period: all three are due, and three of three is more than half the node.
        var held = await ReportAsync();
        Assert.Equal((3, 3, 0), (held.Due, held.Withheld, held.Reclaimed.Count));
        Assert.Contains("meshctl reclaim confirm n9", held.Note);
        var events = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/admin/v1/streams/subnet-pool-mass");
        var withheld = Assert.Single(events.EnumerateArray(), e => e.GetProperty("type").GetString() == "ipam.leak-reclaim-withheld.v1");
        Assert.Contains("\"nodeDue\":3", withheld.GetRawText().Replace(" ", ""));
        Assert.Empty((await ReportAsync()).Reclaimed);

        // Only an administrator confirms; then everything due goes, with the operator as the principal.
        var member = IpamHost.Http(fx.App, IpamHost.Member("p1"));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await member.PostAsync("/api/v1/nodes/n9/reclaim-confirmations", null)).StatusCode);
        var confirmed = await (await http.PostAsync("/api/v1/nodes/n9/reclaim-confirmations", null)).Content.ReadFromJsonAsync<LeakReport>();
        Assert.Equal(3, confirmed!.Reclaimed.Count);
        var again = await (await http.PostAsync("/api/v1/nodes/n9/reclaim-confirmations", null)).Content.ReadFromJsonAsync<LeakReport>();
        Assert.Empty(again!.Reclaimed);
    }

    [Fact]
    [Trait("rule", "IPAM-13")]
    public async Task History_answers_who_held_an_address_at_a_time_and_why()
    {
        await AnnounceAsync("hist", "10.42.0.0/24", "10.42.0.1");
        var http = IpamHost.Http(fx.App, IpamHost.Admin());
        (await http.PostAsJsonAsync("/api/v1/allocations", ClientBus.Pod("hs-1", "hist", ip: "10.42.0.50"))).EnsureSuccessStatusCode();
        await Task.Delay(50);
        var during = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        (await http.DeleteAsync("/api/v1/allocations/hs-1?project=p1&reason=Compensation")).EnsureSuccessStatusCode();
        await fx.Bus.AllocateAsync(ClientBus.Pod("hs-2", "hist", ip: "10.42.0.50"));

        var now = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/addresses/10.42.0.50");
        Assert.Equal("hs-2", now.GetProperty("holders")[0].GetProperty("podUid").GetString());
        AddressHistory? history = null;
        await Eventually.TrueAsync(async () => (history = await http.GetFromJsonAsync<AddressHistory>(
            $"/api/v1/addresses/10.42.0.50/history?at={Uri.EscapeDataString(during.ToString("O"))}"))!.History.Count == 2, "history");
        var then = Assert.Single(history!.HeldAt);
        Assert.Equal("hs-1", then.PodUid);
        Assert.Equal("root", then.AllocatedBy);
        Assert.Equal("Compensation", then.ReleaseReason);
        Assert.Equal("root", then.ReleasedBy);
        Assert.Null(history.History[1].ReleasedAt);
    }

    [Fact]
    [Trait("rule", "AGENT-1")]
    public async Task A_node_agents_queue_gets_only_its_nodes_allocations_with_increasing_generations()
    {
        await AnnounceAsync("route", "10.43.0.0/24", "10.43.0.1");
        var a = (await fx.Bus.AllocateAsync(ClientBus.Pod("rt-1", "route", node: "n1"))).Ok!;
        await fx.Bus.AllocateAsync(ClientBus.Pod("rt-2", "route", node: "n2"));
        await fx.Bus.ReleaseAsync("rt-1");
        var again = (await fx.Bus.AllocateAsync(ClientBus.Pod("rt-3", "route", node: "n1", ip: a.IpAddress))).Ok!;
        await SeenAsync<AddressAllocated>(e => e.PodUid == "rt-2", "n2 seen by the service");
        await Eventually.TrueAsync(() => fx.Bus.NodeN1.Any(e => e.PodUid == "rt-3"), "n1's agent");
        Assert.DoesNotContain(fx.Bus.NodeN1, e => e.Node != "n1");
        var gens = fx.Bus.Seen.OfType<AddressAllocated>().Where(e => e.PodUid is "rt-1" or "rt-3").Select(e => e.Generation).ToList();
        Assert.True(gens[0] < gens[1] && again.Generation == gens[1], string.Join(",", gens));
        Assert.Equal("ovn-cluster", fx.Bus.NodeN1.First(e => e.PodUid == "rt-1").Vpc);
    }

    [Fact]
    [Trait("rule", "IPAM-12")]
    public async Task Crossing_50_percent_publishes_a_usage_warning_and_usage_changes_are_published()
    {
        await AnnounceAsync("small", "10.44.0.0/29", "10.44.0.1");
        for (var i = 0; i < 3; i++)
        {
            await fx.Bus.AllocateAsync(ClientBus.Pod($"sm-{i}", "small"));
        }
        var warning = await SeenAsync<SubnetUsageWarning>(w => w.Subnet == "small", "warning");
        Assert.Equal(50, warning.Threshold);
        await SeenAsync<SubnetUsageChanged>(u => u.Subnet == "small" && u.V4UsingIps == "3" && u.V4AvailableIps == "2", "usage");
    }

    [Fact]
    public async Task An_SRIOV_networks_range_is_a_pool_of_its_provider()
    {
        await fx.Bus.Bus.Publish(new SriovIpRangeAnnounced("ns1", "sriov-a", "192.168.50.0/24", "192.168.50.1", ["192.168.50.2..192.168.50.9"]));
        var pool = SriovIpRangeAnnounced.Pool("ns1", "sriov-a");
        await Wait.ForPoolAsync(fx.App, pool);
        var vf = ClientBus.Pod("vf-1", pool) with { Interface = "net1", Provider = SriovIpRangeAnnounced.Provider("ns1", "sriov-a") };
        Assert.Equal("192.168.50.10", (await fx.Bus.AllocateAsync(vf)).Ok!.IpAddress);
        Assert.Equal("ProviderMismatch", (await fx.Bus.AllocateAsync(ClientBus.Pod("vf-2", pool))).No!.Code);
        await fx.Bus.ReleaseAsync("vf-1");
        await fx.Bus.Bus.Publish(new SriovIpRangeRemoved("ns1", "sriov-a"));
        var http = IpamHost.Http(fx.App, IpamHost.Admin());
        await Eventually.TrueAsync(async () => (await http.GetAsync($"/api/v1/subnets/{pool}/usage")).StatusCode == HttpStatusCode.NotFound, "gone");
    }

    [Fact]
    [Trait("rule", "POOL-1")]
    public async Task Two_SRIOV_networks_with_one_range_share_a_pool_and_a_pod_never_gets_overlapping_overlay_and_underlay()
    {
        // Seed 001: the OVN subnet net192 and the SR-IOV networks ibnics and nics (both mlxnics) all use 192.168.100.0/24.
        await AnnounceAsync("pool1-net192", "192.168.100.0/24", "192.168.100.1");
        var pool = SriovIpRangeAnnounced.SharedPool("mlxnics", Mesh.Addressing.IpPrefix.Parse("192.168.100.0/24"));
        var provider = SriovIpRangeAnnounced.SharedProvider("mlxnics");
        foreach (var network in new[] { "ibnics", "nics" })
        {
            await fx.Bus.Bus.Publish(new SriovIpRangeAnnounced("eks-managed", network, "192.168.100.0/24", "192.168.100.1", ["192.168.100.0..192.168.100.63"])
                { PoolName = pool, PoolProvider = provider });
        }
        await Wait.ForPoolAsync(fx.App, pool);
        AllocateIp Vf(string uid) => ClientBus.Pod(uid, pool) with { Interface = "net1", Provider = provider };

        // One pool: the VFs of both networks take distinct addresses.
        var first = (await fx.Bus.AllocateAsync(Vf("p1-ib"))).Ok!;
        var second = (await fx.Bus.AllocateAsync(Vf("p1-eth"))).Ok!;
        Assert.Equal(("192.168.100.64", "192.168.100.65"), (first.IpAddress, second.IpAddress));

        // Overlay then underlay in the same range for one pod: refused naming both pools, and nothing is held.
        Assert.NotNull((await fx.Bus.AllocateAsync(ClientBus.Pod("p1-both", "pool1-net192"))).Ok);
        var refused = (await fx.Bus.AllocateAsync(Vf("p1-both"))).No!;
        Assert.Equal("CidrConflict", refused.Code);
        Assert.Contains("pool1-net192", refused.Message);
        Assert.Contains(pool, refused.Message);
        // ... and the other way round.
        Assert.Equal("CidrConflict", (await fx.Bus.AllocateAsync(ClientBus.Pod("p1-ib", "pool1-net192"))).No!.Code);
        var http = IpamHost.Http(fx.App, IpamHost.Admin());
        var underlay = await http.GetFromJsonAsync<List<AllocationView>>($"/api/v1/subnets/{pool}/allocations");
        Assert.Equal(["p1-eth", "p1-ib"], underlay!.Select(h => h.PodUid).Order());

        // A pool that overlaps nothing is unaffected, and the shared pool is closed only when announced so.
        await fx.Bus.ReleaseAsync("p1-ib");
        await fx.Bus.ReleaseAsync("p1-eth");
        await fx.Bus.Bus.Publish(new SriovIpRangeRemoved("eks-managed", "nics") { PoolName = pool });
        await Eventually.TrueAsync(async () => (await http.GetAsync($"/api/v1/subnets/{pool}/usage")).StatusCode == HttpStatusCode.NotFound, "closed");
    }

    [Fact]
    [Trait("rule", "IPAM-6a")]
    public async Task A_full_subnet_spills_over_to_the_next_one_bound_to_the_namespace_and_a_custom_vpcs_default_comes_first()
    {
        // Two /29s bound to one namespace: 5 addresses each (network, broadcast and gateway reserved), taken by name.
        await AnnounceBoundAsync("spill-b", "10.45.1.0/29", "10.45.1.1");
        await AnnounceBoundAsync("spill-a", "10.45.0.0/29", "10.45.0.1");
        var given = new List<IpAllocation>();
        for (var i = 0; i < 6; i++)
        {
            given.Add((await fx.Bus.AllocateAsync(ClientBus.Pod($"sp-{i}", null, ns: "spill"))).Ok!);
        }
        Assert.Equal(["spill-a", "spill-a", "spill-a", "spill-a", "spill-a", "spill-b"], given.Select(g => g.Subnet));

        // Asked again after room appeared in spill-a, the spilled pod keeps its address in spill-b.
        await fx.Bus.ReleaseAsync("sp-0");
        var again = (await fx.Bus.AllocateAsync(ClientBus.Pod("sp-5", null, ns: "spill"))).Ok!;
        Assert.Equal((given[5].Subnet, given[5].IpAddress), (again.Subnet, again.IpAddress));
        Assert.Equal("spill-a", (await fx.Bus.AllocateAsync(ClientBus.Pod("sp-6", null, ns: "spill"))).Ok!.Subnet);

        // Every subnet full: IpNotEnough, naming the subnets tried in order.
        for (var i = 7; i < 11; i++)
        {
            Assert.Equal("spill-b", (await fx.Bus.AllocateAsync(ClientBus.Pod($"sp-{i}", null, ns: "spill"))).Ok!.Subnet);
        }
        var full = (await fx.Bus.AllocateAsync(ClientBus.Pod("sp-11", null, ns: "spill"))).No!;
        Assert.Equal("IpNotEnough", full.Code);
        Assert.Contains("tried in order: spill-a, spill-b", full.Message);

        // A custom VPC serving a namespace: its default subnet (spec.default: true) first, then its other subnets.
        await fx.Bus.Bus.Publish(new VpcAnnounced("vpc-spill", null, null, null, ["ns-vpc"], null));
        await fx.Bus.Bus.Publish(ClientBus.Subnet("vs-extra", "10.46.1.0/29", "10.46.1.1", vpc: "vpc-spill"));
        await fx.Bus.Bus.Publish(ClientBus.Subnet("vs-main", "10.46.0.0/29", "10.46.0.1", vpc: "vpc-spill", isDefault: true));
        await Wait.ForPoolAsync(fx.App, "vs-extra");
        await Wait.ForPoolAsync(fx.App, "vs-main");
        // The VPC and its default reach IPAM on their own queues: wait until a pod of the namespace lands in the VPC.
        var probes = 0;
        await Eventually.TrueAsync(async () =>
        {
            var uid = $"vs-probe-{++probes}";
            var probe = (await fx.Bus.AllocateAsync(ClientBus.Pod(uid, null, ns: "ns-vpc"))).Ok;
            if (probe is not null && probe.Subnet != "vs-main")
            {
                await fx.Bus.ReleaseAsync(uid);
            }
            return probe?.Subnet == "vs-main";
        }, "IPAM serves ns-vpc from vpc-spill");
        var custom = new List<string> { "vs-main" };
        for (var i = 1; i < 6; i++)
        {
            custom.Add((await fx.Bus.AllocateAsync(ClientBus.Pod($"vs-{i}", null, ns: "ns-vpc"))).Ok!.Subnet);
        }
        Assert.Equal(["vs-main", "vs-main", "vs-main", "vs-main", "vs-main", "vs-extra"], custom);
    }

    private async Task AnnounceBoundAsync(string name, string cidr, string gateway)
    {
        await fx.Bus.Bus.Publish(ClientBus.Subnet(name, cidr, gateway, namespaces: ["spill"]));
        await Wait.ForPoolAsync(fx.App, name);
    }
}
