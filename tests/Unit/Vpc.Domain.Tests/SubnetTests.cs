using Mesh.Contracts;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

public class SubnetTests
{
    [Fact]
    [Trait("rule", "SUB-1")]
    public void Defaults_are_the_default_vpc_the_first_usable_gateway_and_the_ovn_provider()
    {
        var created = Spec.Single<SubnetCreated>(Spec.Accepted(Spec.Given(), new ApplySubnet("s1", new SubnetSpec { CidrBlock = "10.20.0.0/24" })));
        var s = created.Subnet;
        Assert.Equal(("ovn-cluster", "10.20.0.1", "ovn", "IPv4", false), (s.Vpc, s.Gateway, s.Provider, s.Protocol, s.NatOutgoing));
        Assert.Equal(["10.20.0.1"], s.ExcludeIps);
        Assert.Empty(s.ProjectIDs);
    }

    [Fact]
    [Trait("rule", "SUB-1")]
    public void A_dual_stack_subnet_gets_a_gateway_per_family()
    {
        var s = Spec.Single<SubnetCreated>(Spec.Accepted(Spec.Given(), new ApplySubnet("dual", new SubnetSpec { CidrBlock = "10.20.0.0/24,fd00:20::/64" }))).Subnet;
        Assert.Equal(("10.20.0.0/24,fd00:20::/64", "10.20.0.1,fd00:20::1", "Dual"), (s.CidrBlock, s.Gateway, s.Protocol));
    }

    [Fact]
    [Trait("rule", "SUB-1")]
    public void Reapplying_an_unchanged_subnet_records_nothing()
    {
        var state = Spec.GivenTestVpc2();
        Assert.Empty(Spec.Accepted(state, new ApplySubnet("net192", Spec.Net192)));
    }

    [Fact]
    [Trait("rule", "SUB-2")]
    public void A_cidr_with_host_bits_is_refused_with_the_normalised_form()
    {
        var error = Spec.Rejected(Spec.Given(), Spec.Subnet("s1", "10.0.0.1/24"), VpcErrorCodes.InvalidCidr);
        Assert.Contains("10.0.0.0/24", error.Message);
        Assert.Equal("spec.cidrBlock", error.Field);
    }

    [Fact]
    [Trait("rule", "SUB-3")]
    public void Overlap_within_a_vpc_is_refused_naming_the_other_subnet_and_its_cidr()
    {
        var error = Spec.Rejected(Spec.Given(), Spec.Subnet("s1", "10.16.5.0/24"), VpcErrorCodes.CidrConflict);
        Assert.Contains("ovn-default", error.Message);
        Assert.Contains("10.16.0.0/16", error.Message);
    }

    [Fact]
    [Trait("rule", "SUB-4")]
    public void Overlap_across_vpcs_is_refused_on_this_platform()
    {
        var state = Spec.GivenTestVpc2();
        var error = Spec.Rejected(state, Spec.Subnet("s1", "192.168.0.0/16"), VpcErrorCodes.CidrConflict);
        Assert.Contains("net192", error.Message);
    }

    [Fact]
    [Trait("rule", "SUB-4")]
    [Trait("rule", "RT-4")]
    public void When_cross_vpc_overlap_is_allowed_it_is_still_refused_between_peered_vpcs()
    {
        var settings = Spec.Settings with { AllowOverlapAcrossVpcs = true };
        var state = Spec.Given(
            new VpcCreated("a", new VpcSpec { VpcPeerings = [new VpcPeering("b", "169.254.0.1/30")] }),
            new VpcCreated("b", new VpcSpec { VpcPeerings = [new VpcPeering("a", "169.254.0.2/30")] }),
            new VpcCreated("c", new VpcSpec()));
        state.Apply(Spec.Accepted(state, Spec.Subnet("a1", "10.30.0.0/24", "a"), settings));
        Spec.Accepted(state, Spec.Subnet("c1", "10.30.0.0/24", "c"), settings);
        Spec.Rejected(state, Spec.Subnet("b1", "10.30.0.0/25", "b"), VpcErrorCodes.CidrConflict, settings);
    }

    [Theory]
    [Trait("rule", "SUB-5")]
    [InlineData("10.100.0.0/16", "service CIDR")]
    [InlineData("100.64.10.0/24", "join CIDR")]
    public void Overlap_with_service_or_join_cidr_is_refused(string cidr, string named)
    {
        var error = Spec.Rejected(Spec.Given(), Spec.Subnet("s1", cidr), VpcErrorCodes.CidrConflict);
        Assert.Contains(named, error.Message);
    }

    [Theory]
    [Trait("rule", "SUB-6")]
    [InlineData("spec.cidrBlock")]
    [InlineData("spec.vpc")]
    [InlineData("spec.provider")]
    public void Cidr_vpc_and_provider_are_immutable(string field)
    {
        var state = Spec.GivenTestVpc2(new ApplyVpc("vpc-b", new VpcSpec()));
        var changed = field switch
        {
            "spec.cidrBlock" => Spec.Net192 with { CidrBlock = "192.168.101.0/24" },
            "spec.vpc" => Spec.Net192 with { Vpc = "vpc-b" },
            _ => Spec.Net192 with { Provider = "nad1.default.ovn" },
        };
        var error = Spec.Rejected(state, new ApplySubnet("net192", changed), ErrorCodes.ImmutableField);
        Assert.Equal(field, error.Field);
    }

    [Fact]
    [Trait("rule", "SUB-6")]
    public void ExcludeIps_natOutgoing_and_namespaces_may_change()
    {
        var state = Spec.GivenTestVpc2();
        var updated = Spec.AgreedChange(state, new ApplySubnet("net192",
            Spec.Net192 with { NatOutgoing = false, ExcludeIps = ["192.168.100.200..192.168.100.210"], Namespaces = ["team-a"] }));
        Assert.Equal((false, "team-a"), (updated.Subnet.NatOutgoing, updated.Subnet.Namespaces.Single()));
    }

    [Theory]
    [Trait("rule", "SUB-7")]
    [InlineData("10.40.0.0/24", "10.41.0.1", null)]
    [InlineData("10.40.0.0/24", "10.40.0.0", null)]
    [InlineData("10.40.0.0/24", "10.40.0.255", null)]
    [InlineData("10.40.0.0/24", null, "10.41.0.5")]
    [InlineData("10.40.0.0/24", null, "10.40.0.250..10.41.0.5")]
    public void Gateway_and_excludeIps_must_lie_inside_the_cidr_and_the_gateway_is_a_host_address(string cidr, string? gateway, string? exclude)
    {
        var spec = new SubnetSpec { CidrBlock = cidr, Gateway = gateway, ExcludeIps = exclude is null ? null : [exclude] };
        Spec.Rejected(Spec.Given(), new ApplySubnet("s1", spec), ErrorCodes.InvalidField);
    }

    [Theory]
    [Trait("rule", "SUB-7")]
    [InlineData("10.40.0.7/32", VpcErrorCodes.InvalidCidr)]
    [InlineData("fd00::7/128", VpcErrorCodes.InvalidCidr)]
    [InlineData("10.96.0.0/30", VpcErrorCodes.CidrConflict)]
    public void Single_address_subnets_and_cidrs_holding_the_kubernetes_api_address_are_refused(string cidr, string code) =>
        Spec.Rejected(Spec.Given(), Spec.Subnet("s1", cidr), code);

    [Fact]
    [Trait("rule", "SUB-7")]
    public void The_kubernetes_api_address_is_named_when_refused()
    {
        var error = Spec.Rejected(Spec.Given(), Spec.Subnet("s1", "10.96.0.0/30"), VpcErrorCodes.CidrConflict);
        Assert.Contains("10.96.0.1", error.Message);
    }

    [Fact]
    [Trait("rule", "SUB-7")]
    public void The_gateway_cannot_change_while_addresses_are_allocated()
    {
        var state = Spec.GivenTestVpc2(new RecordSubnetUsage("net192", new SubnetUsage(250, 3, 0, 0)));
        Spec.Rejected(state, new ApplySubnet("net192", Spec.Net192 with { Gateway = "192.168.100.254" }), VpcErrorCodes.SubnetInUse);
        var idle = Spec.GivenTestVpc2();
        var updated = Spec.AgreedChange(idle, new ApplySubnet("net192", Spec.Net192 with { Gateway = "192.168.100.254" }));
        Assert.Equal("192.168.100.254", updated.Subnet.Gateway);
        Assert.Equal(["192.168.100.1", "192.168.100.254"], updated.Subnet.ExcludeIps);
    }

    [Fact]
    [Trait("rule", "SUB-8")]
    public void A_vlan_subnet_is_refused_because_underlay_is_not_supported()
    {
        var error = Spec.Rejected(Spec.Given(), new ApplySubnet("s1", new SubnetSpec { CidrBlock = "10.40.0.0/24", Vlan = "vlan10" }), VpcErrorCodes.UnderlayNotSupported);
        Assert.Contains("geneve", error.Message);
    }

    [Fact]
    [Trait("rule", "SUB-10")]
    public void ProjectIDs_are_stored_and_may_change()
    {
        var state = Spec.GivenTestVpc2();
        var first = Spec.AgreedChange(state, new ApplySubnet("net192", Spec.Net192 with { ProjectIDs = ["p1"] }));
        Assert.Equal(["p1"], first.Subnet.ProjectIDs);
        state.Apply(first);
        var second = Spec.AgreedChange(state, new ApplySubnet("net192", Spec.Net192 with { ProjectIDs = ["p1", "p2"] }));
        Assert.Equal(["p1", "p2"], second.Subnet.ProjectIDs);
    }

    [Fact]
    [Trait("rule", "SUB-1")]
    public void A_subnet_in_an_unknown_vpc_is_refused() =>
        Spec.Rejected(Spec.Given(), Spec.Subnet("s1", "10.40.0.0/24", "nope"), VpcErrorCodes.VpcNotFound);
}
