using Mesh.Addressing;

namespace Mesh.Addressing.Tests;

public class IpParsingTests
{
    [Theory]
    [InlineData("10.16.0.1", "10.16.0.1")]
    [InlineData("fd00:10:16::0001", "fd00:10:16::1")]
    public void Addresses_of_both_families_parse_and_print_normalised(string text, string expected)
    {
        Assert.True(IpAddress.TryParse(text, out var address));
        Assert.Equal(expected, address.ToString());
    }

    [Theory]
    [InlineData("10.1")]
    [InlineData("167772161")]
    [InlineData("10.0.0.256")]
    [InlineData("fe80::1%eth0")]
    [InlineData("")]
    public void Shorthand_and_malformed_addresses_are_refused(string text) => Assert.False(IpAddress.TryParse(text, out _));

    [Fact]
    public void A_prefix_with_host_bits_is_refused_naming_the_network()
    {
        Assert.False(IpPrefix.TryParse("10.0.0.1/24", out _, out var error));
        Assert.Contains("10.0.0.0/24", error);
    }

    [Fact]
    public void IPv6_prefixes_use_all_128_bits()
    {
        var prefix = IpPrefix.Parse("fd00::/64");
        Assert.True(prefix.Contains(IpAddress.Parse("fd00::ffff:ffff:ffff:ffff")));
        Assert.False(prefix.Contains(IpAddress.Parse("fd00:0:0:1::")));
        Assert.Equal(UInt128.MaxValue, IpPrefix.Parse("::/0").Size);
    }

    [Fact]
    public void A_dual_stack_cidr_block_is_one_prefix_per_family_ipv4_first()
    {
        Assert.True(DualStack.TryParseCidrBlock("fd00::/64, 10.0.0.0/24", out var prefixes, out _));
        Assert.Equal("10.0.0.0/24,fd00::/64", DualStack.Join(prefixes));
        Assert.False(DualStack.TryParseCidrBlock("10.0.0.0/24,10.1.0.0/24", out _, out _));
    }

    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5")]
    [InlineData("10.0.0.5..10.0.0.9", "10.0.0.5..10.0.0.9")]
    public void ExcludeIps_entries_are_addresses_or_ranges(string text, string expected)
    {
        Assert.True(IpRange.TryParse(text, out var range, out _));
        Assert.Equal(expected, range.ToString());
    }

    [Theory]
    [InlineData("10.0.0.9..10.0.0.5")]
    [InlineData("10.0.0.1..fd00::1")]
    [InlineData("10.0.0.0/24")]
    public void Backward_or_mixed_ranges_are_refused(string text) => Assert.False(IpRange.TryParse(text, out _, out _));
}
