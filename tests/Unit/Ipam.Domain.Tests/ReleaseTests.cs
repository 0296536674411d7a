using Mesh.Addressing;
using Mesh.Ipam.Domain.Pools;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class ReleaseTests
{
    [Fact]
    [Trait("rule", "IPAM-9")]
    public void Releasing_by_uid_releases_every_interface_with_the_reason()
    {
        var scenario = WithPool();
        scenario.Allocate(Alloc("uid-1"));
        scenario.Allocate(Alloc("uid-1", iface: "net1"));
        var released = scenario.Accept(Release("uid-1")).Cast<IpReleased>().ToList();
        Assert.Equal(["eth0", "net1"], released.Select(r => r.Interface));
        Assert.All(released, r => Assert.Equal(ReleaseReasons.PodDeleted, r.Reason));
        Assert.Equal((UInt128)0, scenario.State.Usage(IpFamily.V4)!.Used);
    }

    [Fact]
    [Trait("rule", "IPAM-9")]
    public void Releasing_one_interface_keeps_the_others()
    {
        var scenario = WithPool();
        scenario.Allocate(Alloc("uid-1"));
        scenario.Allocate(Alloc("uid-1", iface: "net1"));
        var released = Assert.IsType<IpReleased>(Assert.Single(scenario.Accept(Release("uid-1", "net1", reason: ReleaseReasons.Compensation))));
        Assert.Equal(("net1", "10.16.0.3", ReleaseReasons.Compensation), (released.Interface, released.V4, released.Reason));
        Assert.NotNull(scenario.State.AllocationOf("uid-1", "eth0"));
    }

    [Fact]
    [Trait("rule", "IPAM-9")]
    public void Releasing_twice_is_not_an_error_and_appends_nothing()
    {
        var scenario = WithPool();
        scenario.Allocate("uid-1");
        scenario.Accept(Release("uid-1"));
        var again = scenario.When(Release("uid-1"));
        Assert.False(again.IsRejected);
        Assert.Empty(again.Events);
        Assert.Empty(scenario.When(Release("never-allocated")).Events);
    }

    [Fact]
    [Trait("rule", "IPAM-9")]
    public void A_released_address_is_allocatable_again()
    {
        var scenario = WithPool();
        scenario.Allocate("uid-1", "10.16.0.50");
        scenario.Accept(Release("uid-1"));
        Assert.Null(scenario.State.HolderOf("10.16.0.50"));
        Assert.Equal("10.16.0.50", scenario.Allocate("uid-2", "10.16.0.50").V4);
    }

    [Fact]
    [Trait("rule", "IPAM-9")]
    public void A_release_without_a_reason_is_refused() =>
        AssertRejected(WithPool().When(Release("uid-1", reason: "")), Mesh.Contracts.ErrorCodes.MissingField);
}
