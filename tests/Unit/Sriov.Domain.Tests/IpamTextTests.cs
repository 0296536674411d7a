using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-6")]
public sealed class IpamTextTests
{
    [Fact]
    public void The_manual_IB_ipam_block_without_its_opening_brace_is_read()
    {
        var ipam = IpamText.Parse(Manual.IbIpamText).Ipam!;

        Assert.Equal(("whereabouts", "192.168.100.0/24", "192.168.100.1"), (ipam.Type, ipam.Range, ipam.Gateway));
        Assert.Equal(["192.168.100.0/26"], ipam.ExcludeList);
    }

    [Fact]
    public void The_whereabouts_guide_wrapper_form_is_read() =>
        Assert.Equal("10.1.0.0/16", IpamText.Parse("{\"ipam\": {\"type\": \"whereabouts\", \"range\": \"10.1.0.0/16\"}}").Ipam!.Range);

    [Fact]
    public void An_empty_block_means_no_ipam() => Assert.Equal((null, null), IpamText.Parse("{}"));

    [Fact]
    public void Text_that_is_not_JSON_is_refused_as_malformed() =>
        Assert.Equal(ErrorCodes.Malformed, IpamText.Parse("type: whereabouts").Error!.Code);
}
