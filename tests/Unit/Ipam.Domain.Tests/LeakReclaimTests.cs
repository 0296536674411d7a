using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class LeakReclaimTests
{
    private static readonly TimeSpan Grace = ReportLivePods.DefaultGrace;

    private static ReportLivePods Report(DateTimeOffset at, params string[] live) =>
        new(Subnet, "node1", live.ToHashSet(), at);

    private static ReclaimLeaks Reclaim(DateTimeOffset at, int required = 1, ReclaimLeaks.Hold? hold = null) =>
        new(Subnet, "node1", at, Grace, required, hold);

    [Fact]
    [Trait("rule", "IPAM-11")]
    public void An_absent_pod_is_suspected_once_then_reclaimed_after_the_grace_period()
    {
        var scenario = WithPool();
        scenario.Allocate("alive");
        scenario.Allocate("gone");

        var first = scenario.Accept(Report(T0.AddMinutes(1), "alive"));
        var suspected = Assert.IsType<LeakSuspected>(Assert.Single(first));
        Assert.Equal(("gone", "eth0", "node1", 1, 1), (suspected.PodUid, suspected.Interface, suspected.Node, suspected.Reports, suspected.Required));

        Assert.Empty(scenario.Accept(Report(T0.AddMinutes(3), "alive")));
        Assert.Empty(scenario.Accept(Reclaim(T0.AddMinutes(6))));

        var reclaimed = Assert.IsType<IpReleased>(Assert.Single(scenario.Accept(Reclaim(T0.AddMinutes(6).AddSeconds(1)))));
        Assert.Equal(("gone", "10.16.0.3", ReleaseReasons.LeakReclaimed), (reclaimed.PodUid, reclaimed.V4, reclaimed.Reason));
        Assert.Null(scenario.State.HolderOf("10.16.0.3"));
        Assert.NotNull(scenario.State.HolderOf("10.16.0.2"));
    }

    [Fact]
    [Trait("rule", "IPAM-11")]
    public void A_report_suspects_and_clears_but_never_reclaims_by_itself()
    {
        var scenario = WithPool();
        scenario.Allocate("gone");
        scenario.Accept(Report(T0));
        Assert.Empty(scenario.Accept(Report(T0.AddHours(1))));
        Assert.NotNull(scenario.State.HolderOf("10.16.0.2"));
        Assert.Single(IpamDecider.Due(scenario.State, "node1", T0.AddHours(1), Grace, 1));
    }

    [Fact]
    [Trait("rule", "IPAM-11")]
    public void A_suspected_pod_that_reappears_is_cleared_and_its_clock_restarts()
    {
        var scenario = WithPool();
        scenario.Allocate("flaky");
        scenario.Accept(Report(T0.AddMinutes(1)));
        Assert.IsType<LeakCleared>(Assert.Single(scenario.Accept(Report(T0.AddMinutes(2), "flaky"))));
        var cleared = scenario.State.AllocationOf("flaky", "eth0")!;
        Assert.Equal((null, 0), (cleared.LeakSuspectedAt, cleared.LeakReports));
        Assert.IsType<LeakSuspected>(Assert.Single(scenario.Accept(Report(T0.AddMinutes(10)))));
        Assert.Empty(scenario.Accept(Reclaim(T0.AddMinutes(12))));
    }

    [Fact]
    [Trait("rule", "IPAM-11")]
    public void Pods_on_other_nodes_and_pods_newer_than_the_report_are_left_alone()
    {
        var scenario = WithPool();
        scenario.Allocate(Alloc("elsewhere", node: "node2"));
        scenario.Allocate(Alloc("fresh", now: T0.AddMinutes(5)));
        Assert.Empty(scenario.Accept(Report(T0.AddMinutes(4))));
        Assert.Empty(scenario.Accept(Reclaim(T0.AddHours(1))));
    }

    [Fact]
    [Trait("rule", "IPAM-11")]
    public void The_grace_period_is_configurable()
    {
        var scenario = WithPool();
        scenario.Allocate("gone");
        scenario.Accept(Report(T0));
        var reclaim = scenario.Accept(Reclaim(T0.AddSeconds(31)) with { Grace = TimeSpan.FromSeconds(30) });
        Assert.IsType<IpReleased>(Assert.Single(reclaim));
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public void A_report_from_an_agent_without_a_pod_source_suspects_and_clears_nothing()
    {
        var scenario = WithPool();
        scenario.Allocate("running");
        Assert.Empty(scenario.Accept(Report(T0.AddMinutes(1)) with { PodsKnown = false }));
        Assert.Empty(scenario.Accept(Report(T0.AddHours(1)) with { PodsKnown = false }));
        Assert.Null(scenario.State.AllocationOf("running", "eth0")!.LeakSuspectedAt);
        Assert.Empty(scenario.Accept(Reclaim(T0.AddHours(2))));
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public void Reclaim_needs_the_configured_number_of_consecutive_reports_and_a_repeated_report_counts_once()
    {
        var scenario = WithPool();
        scenario.Allocate("gone");
        Assert.Equal(1, Assert.IsType<LeakSuspected>(Assert.Single(scenario.Accept(Report(T0.AddMinutes(1)) with { RequiredReports = 3 }))).Reports);
        // The same report again (a redelivery) or an older one proves nothing more.
        Assert.Empty(scenario.Accept(Report(T0.AddMinutes(1)) with { RequiredReports = 3 }));
        Assert.Empty(scenario.Accept(Report(T0.AddSeconds(30)) with { RequiredReports = 3 }));
        // Long past the grace period, but one report is not three.
        Assert.Empty(scenario.Accept(Reclaim(T0.AddHours(1), required: 3)));
        var second = Assert.IsType<LeakSuspected>(Assert.Single(scenario.Accept(Report(T0.AddHours(1)) with { RequiredReports = 3 })));
        Assert.Equal((2, 3), (second.Reports, second.Required));
        Assert.Empty(scenario.Accept(Reclaim(T0.AddHours(1), required: 3)));
        Assert.Equal(3, Assert.IsType<LeakSuspected>(Assert.Single(scenario.Accept(Report(T0.AddHours(2)) with { RequiredReports = 3 }))).Reports);
        // Enough reports: no more suspicions, and the grace period counts from the first one.
        Assert.Empty(scenario.Accept(Report(T0.AddHours(3)) with { RequiredReports = 3 }));
        Assert.Equal(T0.AddMinutes(1), scenario.State.AllocationOf("gone", "eth0")!.LeakSuspectedAt);
        Assert.IsType<IpReleased>(Assert.Single(scenario.Accept(Reclaim(T0.AddHours(3), required: 3))));
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public void A_reclaim_over_the_nodes_share_is_withheld_once_as_an_event_and_releases_nothing()
    {
        var scenario = WithPool();
        scenario.Allocate("a");
        scenario.Allocate("b");
        scenario.Accept(Report(T0));
        var hold = new ReclaimLeaks.Hold(NodeDue: 2, NodeAllocations: 2, MaxShare: 0.5);

        var withheld = Assert.IsType<LeakReclaimWithheld>(Assert.Single(scenario.Accept(Reclaim(T0.AddHours(1), hold: hold))));
        Assert.Equal(["a/eth0", "b/eth0"], withheld.Pods);
        Assert.Equal(("node1", 2, 2, 0.5), (withheld.Node, withheld.NodeDue, withheld.NodeAllocations, withheld.MaxShare));
        Assert.NotNull(scenario.State.HolderOf("10.16.0.2"));
        // Said once: the next report's reclaim, still over the share, writes nothing new.
        Assert.Empty(scenario.Accept(Reclaim(T0.AddHours(2), hold: hold)));
        // A pod that comes back is no longer withheld; the operator's confirmation (no hold) takes the rest.
        scenario.Accept(Report(T0.AddHours(2), "a"));
        Assert.Null(scenario.State.AllocationOf("a", "eth0")!.ReclaimWithheldAt);
        var confirmed = scenario.Accept(Reclaim(T0.AddHours(3)));
        Assert.Equal("b", Assert.IsType<IpReleased>(Assert.Single(confirmed)).PodUid);
        Assert.NotNull(scenario.State.AllocationOf("a", "eth0"));
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public void Suspicion_counts_and_withholding_survive_a_snapshot()
    {
        var scenario = WithPool();
        scenario.Allocate("gone");
        scenario.Accept(Report(T0) with { RequiredReports = 3 });
        scenario.Accept(Report(T0.AddMinutes(1)) with { RequiredReports = 3 });
        scenario.Accept(Reclaim(T0.AddMinutes(1), hold: new ReclaimLeaks.Hold(1, 1, 0.5)) with { RequiredReports = 2, Grace = TimeSpan.Zero });
        var restored = SubnetPool.FromSnapshot(scenario.State.ToSnapshot());
        var a = restored.AllocationOf("gone", "eth0")!;
        Assert.Equal((T0, 2, T0.AddMinutes(1)), (a.LeakSuspectedAt!.Value, a.LeakReports, a.LeakReportedAt!.Value));
        Assert.Equal(T0.AddMinutes(1), a.ReclaimWithheldAt);
    }
}

public class NodeRemovalTests
{
    [Fact]
    [Trait("rule", "NODE-1")]
    public void A_removed_node_gives_back_every_address_on_it_and_nothing_elsewhere_and_twice_is_nothing()
    {
        var scenario = WithPool();
        scenario.Allocate(Alloc("on-1", node: "gone-node"));
        scenario.Allocate(Alloc("on-2", node: "gone-node"));
        scenario.Allocate(Alloc("other", node: "node2"));

        var released = scenario.Accept(new ReleaseNode(Subnet, "gone-node", T0.AddHours(1))).Cast<IpReleased>().ToList();
        Assert.Equal(["on-1", "on-2"], released.Select(r => r.PodUid));
        Assert.All(released, r => Assert.Equal(ReleaseReasons.NodeRemoved, r.Reason));
        Assert.NotNull(scenario.State.AllocationOf("other", "eth0"));
        Assert.Empty(scenario.Accept(new ReleaseNode(Subnet, "gone-node", T0.AddHours(2))));
    }
}
