using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class MacTests
{
    [Fact]
    [Trait("rule", "IPAM-7")]
    public void Generated_macs_have_the_kube_ovn_prefix_and_are_unique_in_the_subnet()
    {
        var scenario = WithPool();
        var macs = Enumerable.Range(0, 200).Select(i => scenario.Allocate($"uid-{i}").Mac).ToList();
        Assert.All(macs, m => Assert.Matches("^00:00:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}$", m));
        Assert.Equal(macs.Count, macs.Distinct().Count());
    }

    [Fact]
    [Trait("rule", "IPAM-7")]
    public void Colliding_random_bytes_still_give_a_unique_mac()
    {
        var scenario = WithPool();
        var same = new byte[] { 1, 2, 3 };
        var a = scenario.Allocate(Alloc("uid-1") with { RandomBytes = same });
        var b = scenario.Allocate(Alloc("uid-2") with { RandomBytes = same });
        Assert.Equal("00:00:00:01:02:03", a.Mac);
        Assert.NotEqual(a.Mac, b.Mac);
    }

    [Fact]
    [Trait("rule", "IPAM-7")]
    public void A_requested_mac_is_normalised_and_used()
    {
        var allocated = WithPool().Allocate(Alloc("uid-1", mac: "00-00-00-AB-CD-EF"));
        Assert.Equal("00:00:00:ab:cd:ef", allocated.Mac);
    }

    [Fact]
    [Trait("rule", "IPAM-7")]
    public void A_requested_mac_already_used_in_the_subnet_is_refused_naming_the_holder()
    {
        var scenario = WithPool();
        scenario.Allocate(Alloc("uid-1", mac: "00:00:00:ab:cd:ef"));
        var decision = scenario.When(Alloc("uid-2", mac: "00:00:00:AB:CD:EF"));
        AssertRejected(decision, IpamErrors.MacConflictCode);
        Assert.Contains("uid-1", decision.Error!.Message);
    }

    [Theory]
    [Trait("rule", "IPAM-7")]
    [InlineData("00:00:00:ab:cd")]
    [InlineData("01:00:5e:00:00:01")]
    [InlineData("00:00:00:00:00:00")]
    [InlineData("zz:00:00:ab:cd:ef")]
    public void A_malformed_multicast_or_zero_mac_is_refused(string mac)
    {
        var decision = WithPool().When(Alloc("uid-1", mac: mac));
        AssertRejected(decision, IpamErrors.InvalidMacCode);
        Assert.Equal("macAddress", decision.Error!.Field);
    }

    [Fact]
    [Trait("rule", "IPAM-7")]
    public void A_released_mac_can_be_requested_again()
    {
        var scenario = WithPool();
        scenario.Allocate(Alloc("uid-1", mac: "00:00:00:ab:cd:ef"));
        scenario.Accept(Release("uid-1"));
        Assert.Equal("00:00:00:ab:cd:ef", scenario.Allocate(Alloc("uid-2", mac: "00:00:00:ab:cd:ef")).Mac);
    }
}
