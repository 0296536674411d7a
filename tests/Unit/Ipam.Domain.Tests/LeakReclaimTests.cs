using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class LeakReclaimTests
{
    private static ReportLivePods Report(DateTimeOffset at, params string[] live) =>
        new(Subnet, "node1", live.ToHashSet(), at);

    [Fact]
    [Trait("rule", "IPAM-11")]
    public void An_absent_pod_is_suspected_once_then_reclaimed_after_the_grace_period()
    {
        var scenario = WithPool();
        scenario.Allocate("alive");
        scenario.Allocate("gone");

        var first = scenario.Accept(Report(T0.AddMinutes(1), "alive"));
        var suspected = Assert.IsType<LeakSuspected>(Assert.Single(first));
        Assert.Equal(("gone", "eth0", "node1"), (suspected.PodUid, suspected.Interface, suspected.Node));

        Assert.Empty(scenario.Accept(Report(T0.AddMinutes(3), "alive")));
        Assert.Empty(scenario.Accept(Report(T0.AddMinutes(6), "alive")));

        var reclaimed = Assert.IsType<IpReleased>(Assert.Single(scenario.Accept(Report(T0.AddMinutes(6).AddSeconds(1), "alive"))));
        Assert.Equal(("gone", "10.16.0.3", ReleaseReasons.LeakReclaimed), (reclaimed.PodUid, reclaimed.V4, reclaimed.Reason));
        Assert.Null(scenario.State.HolderOf("10.16.0.3"));
        Assert.NotNull(scenario.State.HolderOf("10.16.0.2"));
    }

    [Fact]
    [Trait("rule", "IPAM-11")]
    public void A_suspected_pod_that_reappears_is_cleared_and_its_clock_restarts()
    {
        var scenario = WithPool();
        scenario.Allocate("flaky");
        scenario.Accept(Report(T0.AddMinutes(1)));
        Assert.IsType<LeakCleared>(Assert.Single(scenario.Accept(Report(T0.AddMinutes(2), "flaky"))));
        Assert.Null(scenario.State.AllocationOf("flaky", "eth0")!.LeakSuspectedAt);
        Assert.IsType<LeakSuspected>(Assert.Single(scenario.Accept(Report(T0.AddMinutes(10)))));
    }

    [Fact]
    [Trait("rule", "IPAM-11")]
    public void Pods_on_other_nodes_and_pods_newer_than_the_report_are_left_alone()
    {
        var scenario = WithPool();
        scenario.Allocate(Alloc("elsewhere", node: "node2"));
        scenario.Allocate(Alloc("fresh", now: T0.AddMinutes(5)));
        Assert.Empty(scenario.Accept(Report(T0.AddMinutes(4))));
    }

    [Fact]
    [Trait("rule", "IPAM-11")]
    public void The_grace_period_is_configurable()
    {
        var scenario = WithPool();
        scenario.Allocate("gone");
        scenario.Accept(Report(T0));
        var reclaim = scenario.Accept(Report(T0.AddSeconds(31)) with { Grace = TimeSpan.FromSeconds(30) });
        Assert.IsType<IpReleased>(Assert.Single(reclaim));
    }
}
