using Mesh.Addressing;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class DualStackTests
{
    private static Scenario DualStack() => WithPool("10.16.0.0/24,fd00:10:16::/120");

    [Fact]
    [Trait("rule", "IPAM-1")]
    public void A_dual_stack_pool_holds_both_families_with_their_gateways()
    {
        var state = DualStack().State;
        Assert.Equal("10.16.0.1,fd00:10:16::1", state.Gateway);
        Assert.Equal((UInt128)253, state.Usage(IpFamily.V4)!.Total);
        Assert.Equal((UInt128)254, state.Usage(IpFamily.V6)!.Total);
    }

    [Fact]
    [Trait("rule", "IPAM-4")]
    public void One_allocation_takes_one_address_of_each_family_and_one_mac()
    {
        var scenario = DualStack();
        var allocated = scenario.Allocate("uid-1");
        Assert.Equal(("10.16.0.2", "fd00:10:16::2"), (allocated.V4, allocated.V6));
        Assert.Equal("10.16.0.2,fd00:10:16::2", scenario.State.AllocationOf("uid-1", "eth0")!.IpAddress);
        Assert.Equal((UInt128)1, scenario.State.Usage(IpFamily.V6)!.Used);
    }

    [Fact]
    [Trait("rule", "IPAM-5")]
    public void A_static_request_may_name_one_address_per_family()
    {
        var allocated = DualStack().Allocate("uid-1", "10.16.0.15,fd00:10:16::f");
        Assert.Equal(("10.16.0.15", "fd00:10:16::f"), (allocated.V4, allocated.V6));
    }

    [Fact]
    [Trait("rule", "IPAM-5")]
    public void A_static_request_for_one_family_gets_the_other_dynamically()
    {
        var allocated = DualStack().Allocate("uid-1", "fd00:10:16::f");
        Assert.Equal(("10.16.0.2", "fd00:10:16::f"), (allocated.V4, allocated.V6));
    }

    [Fact]
    [Trait("rule", "IPAM-6")]
    public void When_one_family_is_exhausted_nothing_is_allocated_in_the_other()
    {
        var scenario = WithPool("10.16.0.0/30,fd00:10:16::/120");
        scenario.Allocate("uid-1");
        AssertRejected(scenario.When(Alloc("uid-2")), IpamErrors.IpNotEnoughCode);
        Assert.Equal((UInt128)1, scenario.State.Usage(IpFamily.V6)!.Used);
    }

    [Fact]
    [Trait("rule", "IPAM-9")]
    public void Releasing_a_dual_stack_allocation_frees_both_families()
    {
        var scenario = DualStack();
        scenario.Allocate("uid-1");
        scenario.Accept(Release("uid-1"));
        Assert.Equal((UInt128)0, scenario.State.Usage(IpFamily.V4)!.Used);
        Assert.Equal((UInt128)0, scenario.State.Usage(IpFamily.V6)!.Used);
    }
}
