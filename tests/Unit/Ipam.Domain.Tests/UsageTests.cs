using Mesh.Addressing;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class UsageTests
{
    // A /28 with the gateway: 13 allocatable, so 7 allocations cross 50%, 11 cross 80%, 13 is full.
    private static List<SubnetUsageWarning> FillTo(Scenario scenario, int from, int count) =>
        Enumerable.Range(from, count).SelectMany(i => scenario.Accept(Alloc($"uid-{i}"))).OfType<SubnetUsageWarning>().ToList();

    [Fact]
    [Trait("rule", "IPAM-12")]
    public void Usage_is_queryable_per_family()
    {
        var scenario = WithPool("10.16.0.0/28");
        FillTo(scenario, 0, 4);
        var usage = scenario.State.Usage(IpFamily.V4)!;
        Assert.Equal(((UInt128)13, (UInt128)4, (UInt128)9), (usage.Total, usage.Used, usage.Free));
        Assert.Equal(30.77, usage.Percent, 2);
    }

    [Fact]
    [Trait("rule", "IPAM-12")]
    public void Crossing_50_80_and_100_percent_warns_once_each()
    {
        var scenario = WithPool("10.16.0.0/28");
        var warnings = FillTo(scenario, 0, 13);
        Assert.Equal([50, 80, 100], warnings.Select(w => w.Threshold));
        Assert.Equal(("7", "13", "IPv4"), (warnings[0].Used, warnings[0].Total, warnings[0].Family));
        Assert.Equal("11", warnings[1].Used);
    }

    [Fact]
    [Trait("rule", "IPAM-12")]
    public void Dropping_below_a_threshold_re_arms_it()
    {
        var scenario = WithPool("10.16.0.0/28");
        FillTo(scenario, 0, 7);
        scenario.Accept(Release("uid-0"));
        Assert.Empty(FillTo(scenario, 100, 0));
        var again = Assert.Single(FillTo(scenario, 100, 1));
        Assert.Equal(50, again.Threshold);
        Assert.Empty(FillTo(scenario, 101, 1));
    }

    [Fact]
    [Trait("rule", "IPAM-12")]
    public void Excluding_addresses_can_push_usage_over_a_threshold()
    {
        var scenario = WithPool("10.16.0.0/28");
        FillTo(scenario, 0, 6);
        var events = scenario.Accept(new Commands.UpdatePool(Subnet, T0, ExcludeIps: ["10.16.0.14"]));
        Assert.Equal(50, Assert.Single(events.OfType<SubnetUsageWarning>()).Threshold);
    }
}
