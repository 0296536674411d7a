using System.Diagnostics;
using Mesh.Addressing;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class ExhaustionTests
{
    [Fact]
    [Trait("rule", "IPAM-6")]
    public void Allocating_from_an_exhausted_subnet_is_refused_with_IpNotEnough()
    {
        var scenario = WithPool();
        var given = new HashSet<string>();
        for (var i = 0; i < 253; i++)
        {
            Assert.True(given.Add(scenario.Allocate($"uid-{i}").V4!));
        }
        var decision = scenario.When(Alloc("one-too-many"));
        AssertRejected(decision, IpamErrors.IpNotEnoughCode);
        var error = decision.Error!;
        Assert.Contains("net1", error.Message);
        Assert.Contains("10.16.0.0/24", error.Message);
        Assert.Contains("253 of 253", error.Message);
        Assert.Contains("100%", error.Message);
        Assert.Contains("add another subnet in VPC 'ovn-cluster'", error.Remedy);
        Assert.DoesNotContain("10.16.0.1", given);
        Assert.DoesNotContain("10.16.0.255", given);
    }

    [Fact]
    [Trait("rule", "IPAM-6")]
    public void A_slash_8_pool_allocates_many_addresses_without_enumerating_the_space()
    {
        var scenario = WithPool("10.0.0.0/8");
        Assert.Equal((UInt128)((1 << 24) - 3), scenario.State.Usage(IpFamily.V4)!.Total);
        for (var i = 0; i < 20_000; i++)
        {
            scenario.Allocate($"uid-{i}");
        }
        for (var i = 0; i < 20_000; i += 3)
        {
            scenario.Accept(Release($"uid-{i}"));
        }
        scenario.Allocate("late");
        Assert.Equal("10.0.0.2", scenario.State.AllocationOf("late", "eth0")!.V4);
        Assert.True(scenario.State.V4!.FreeRangeCount < 10_000);
    }

    [Fact]
    [Trait("rule", "IPAM-6")]
    public void An_IPv6_slash_64_pool_counts_and_allocates_without_enumerating()
    {
        var scenario = WithPool("fd00:10:16::/64");
        var usage = scenario.State.Usage(IpFamily.V6)!;
        Assert.Equal((UInt128.One << 64) - 2, usage.Total);
        var first = scenario.Allocate("uid-1");
        var high = scenario.Allocate("uid-2", "fd00:10:16::ffff:ffff:ffff:ffff");
        Assert.Equal("fd00:10:16::2", first.V6);
        Assert.Equal("fd00:10:16:0:ffff:ffff:ffff:ffff", high.V6);
        Assert.Equal((UInt128.One << 64) - 4, scenario.State.Usage(IpFamily.V6)!.Free);
    }
}
