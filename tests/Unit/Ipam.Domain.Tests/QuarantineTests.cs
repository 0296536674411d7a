using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class QuarantineTests
{
    private static readonly TimeSpan Quarantine = TimeSpan.FromSeconds(30);

    [Fact]
    [Trait("rule", "IPAM-8")]
    public void By_default_a_released_address_is_handed_out_again_at_once()
    {
        var scenario = WithPool();
        scenario.Allocate("uid-1");
        scenario.Accept(Release("uid-1"));
        Assert.Equal("10.16.0.2", scenario.Allocate("uid-2").V4);
    }

    [Fact]
    [Trait("rule", "IPAM-8")]
    public void A_released_address_is_not_handed_out_before_its_quarantine_ends()
    {
        var scenario = WithPool();
        scenario.Allocate("uid-1");
        scenario.Accept(Release("uid-1", now: T0));
        var during = scenario.Allocate(Alloc("uid-2", now: T0.AddSeconds(29), quarantine: Quarantine));
        Assert.Equal("10.16.0.3", during.V4);
        var after = scenario.Allocate(Alloc("uid-3", now: T0.AddSeconds(30), quarantine: Quarantine));
        Assert.Equal("10.16.0.2", after.V4);
    }

    [Fact]
    [Trait("rule", "IPAM-8")]
    public void A_static_request_for_a_quarantined_address_is_refused_with_the_time_it_frees()
    {
        var scenario = WithPool();
        scenario.Allocate("uid-1", "10.16.0.9");
        scenario.Accept(Release("uid-1", now: T0));
        var decision = scenario.When(Alloc("uid-2", "10.16.0.9", now: T0.AddSeconds(10), quarantine: Quarantine));
        AssertRejected(decision, IpamErrors.IpQuarantinedCode);
        Assert.Contains(T0.AddSeconds(30).ToString("O"), decision.Error!.Message);
    }

    [Fact]
    [Trait("rule", "IPAM-8")]
    public void A_pool_whose_only_free_addresses_are_quarantined_answers_IpNotEnough_saying_so()
    {
        var scenario = WithPool("10.16.0.0/30");
        scenario.Allocate("uid-1");
        scenario.Accept(Release("uid-1", now: T0));
        var decision = scenario.When(Alloc("uid-2", now: T0.AddSeconds(1), quarantine: Quarantine));
        AssertRejected(decision, IpamErrors.IpNotEnoughCode);
        Assert.Contains("1 released addresses still in quarantine", decision.Error!.Message);
    }
}
