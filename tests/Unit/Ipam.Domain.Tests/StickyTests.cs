using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class StickyTests
{
    [Fact]
    [Trait("rule", "IPAM-10")]
    public void A_new_uid_with_the_same_sticky_key_gets_the_previous_address_and_mac_back()
    {
        var scenario = WithPool();
        scenario.Allocate("other");
        var first = scenario.Allocate(Alloc("uid-1", sticky: "default/web-0"));
        scenario.Accept(Release("other"));
        scenario.Accept(Release("uid-1"));
        var again = scenario.Allocate(Alloc("uid-2", sticky: "default/web-0"));
        Assert.Equal("10.16.0.3", again.V4);
        Assert.Equal((first.V4, first.Mac), (again.V4, again.Mac));
    }

    [Fact]
    [Trait("rule", "IPAM-10")]
    public void A_sticky_address_comes_back_even_during_quarantine()
    {
        var scenario = WithPool();
        var first = scenario.Allocate(Alloc("uid-1", sticky: "default/web-0"));
        scenario.Accept(Release("uid-1", now: T0));
        var again = scenario.Allocate(Alloc("uid-2", sticky: "default/web-0", now: T0.AddSeconds(1), quarantine: TimeSpan.FromMinutes(1)));
        Assert.Equal(first.V4, again.V4);
    }

    [Fact]
    [Trait("rule", "IPAM-10")]
    public void When_the_previous_address_is_taken_the_sticky_pod_gets_a_fresh_one()
    {
        var scenario = WithPool();
        scenario.Allocate(Alloc("uid-1", sticky: "default/web-0"));
        scenario.Accept(Release("uid-1"));
        scenario.Allocate("intruder");
        var again = scenario.Allocate(Alloc("uid-2", sticky: "default/web-0"));
        Assert.Equal("10.16.0.3", again.V4);
        Assert.Equal("uid-2", scenario.State.StickyMemory("default/web-0", "eth0")!.Owner.PodUid);
    }

    [Fact]
    [Trait("rule", "IPAM-10")]
    public void A_sticky_address_is_kept_for_its_own_key_only()
    {
        var scenario = WithPool();
        scenario.Allocate("first");
        scenario.Allocate(Alloc("uid-1", sticky: "default/web-0"));
        scenario.Accept(Release("first"));
        scenario.Accept(Release("uid-1"));
        Assert.Equal("10.16.0.2", scenario.Allocate(Alloc("uid-2", sticky: "default/web-1")).V4);
        Assert.Equal("10.16.0.3", scenario.Allocate(Alloc("uid-3", sticky: "default/web-0")).V4);
    }
}
