using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-6")]
public sealed class NetworkValidationTests
{
    private static readonly SriovNetworkResource Nics = Manual.Network(Manual.RuncEth);
    private static readonly SriovConfig WithPolicy = Given.Config(new PolicyApplied(Manual.Valid(Manual.Policy(Manual.RuncEth))));

    private static Decision Apply(Func<SriovNetworkSpec, SriovNetworkSpec> change, SriovConfig? config = null) =>
        SriovConfigDecider.Decide(config ?? WithPolicy, new ApplyNetwork(Nics with { Spec = change(Nics.Spec) }), SriovSettings.Default);

    [Fact]
    public void A_resource_name_that_no_policy_has_is_refused()
    {
        var error = Then.Rejected(Apply(s => s with { ResourceName = "othernics" }), SriovErrorCodes.UnknownResourceName);

        Assert.Equal("othernics", error.Value);
    }

    [Fact]
    public void Vlan_and_vlan_qos_default_to_0()
    {
        var applied = Then.Has<NetworkApplied>(Apply(s => s));

        Assert.Equal((0, 0), (applied.Network.Spec.Vlan, applied.Network.Spec.VlanQoS));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(4096, 0)]
    [InlineData(0, 8)]
    [InlineData(0, -1)]
    public void A_vlan_outside_0_to_4095_or_a_vlan_qos_outside_0_to_7_is_refused(int vlan, int qos) =>
        Then.Rejected(Apply(s => s with { Vlan = vlan, VlanQoS = qos }), ErrorCodes.InvalidField);

    [Fact]
    public void Vlan_4095_and_qos_7_are_accepted() => Then.Has<NetworkApplied>(Apply(s => s with { Vlan = 4095, VlanQoS = 7 }));

    [Theory]
    [InlineData("spoofChk")]
    [InlineData("trust")]
    public void An_unquoted_boolean_for_spoofChk_or_trust_is_refused_as_the_operator_does(string field)
    {
        var value = OnOff.FromBoolean(true);
        var error = Then.Rejected(Apply(s => field == "trust" ? s with { Trust = value } : s with { SpoofChk = value }), SriovErrorCodes.QuotedStringRequired);

        Assert.Equal($"spec.{field}", error.Field);
        Assert.Contains("quote", error.Remedy);
    }

    [Fact]
    public void The_quoted_strings_on_and_off_are_accepted_and_anything_else_refused()
    {
        Then.Has<NetworkApplied>(Apply(s => s with { SpoofChk = OnOff.FromString("on"), Trust = OnOff.FromString("off") }));
        Then.Rejected(Apply(s => s with { Trust = OnOff.FromString("yes") }), ErrorCodes.InvalidField);
    }

    [Fact]
    public void A_link_state_other_than_enable_disable_auto_is_refused() =>
        Assert.Equal("up", Then.Rejected(Apply(s => s with { LinkState = "up" }), ErrorCodes.InvalidField).Value);

    [Fact]
    public void A_min_tx_rate_above_the_max_is_refused() =>
        Then.Rejected(Apply(s => s with { MinTxRate = 200, MaxTxRate = 100 }), SriovErrorCodes.MinTxRateAboveMax);

    [Fact]
    public void A_min_tx_rate_on_Intel_NICs_is_refused()
    {
        var intel = Manual.Policy(Manual.RuncEth) with { Spec = Manual.Policy(Manual.RuncEth).Spec with { NicSelector = new SriovNicSelector("8086", "158b") } };
        var config = Given.Config(new PolicyApplied(Manual.Valid(intel)));

        var error = Then.Rejected(Apply(s => s with { MinTxRate = 10, MaxTxRate = 100 }, config), SriovErrorCodes.MinTxRateUnsupported);
        Assert.Contains("BZ#1772847", error.Remedy);
        Then.Has<NetworkApplied>(Apply(s => s with { MaxTxRate = 100 }, config));
    }

    [Theory]
    [InlineData("192.168.100.0", null)]
    [InlineData("192.168.100.0/24", "10.0.0.1")]
    [InlineData("192.168/16", null)]
    [InlineData("192.168.100.1/24", null)]
    [InlineData("192.168.100.0/24", "192.168.100")]
    [InlineData("192.168.100.0/24", "192.168.100.01")]
    public void An_ipam_range_that_is_not_a_CIDR_or_a_gateway_outside_it_is_refused(string range, string? gateway) =>
        Then.Rejected(Apply(s => s with { Ipam = new WhereaboutsIpam("whereabouts", range, gateway) }), ErrorCodes.InvalidField);

    [Theory]
    [InlineData("10.1", "is not an address or CIDR")]
    [InlineData("192.168.100.1/28", "is not an address or CIDR")]
    [InlineData("192.168.101.0/28", "lies outside range 192.168.100.0/24")]
    public void An_exclude_entry_in_shorthand_or_outside_the_range_is_refused_as_IPAM_would_refuse_it(string entry, string why)
    {
        // The IPAM service builds this network's pool from the same entries: what it would refuse is refused here.
        var error = Then.Rejected(Apply(s => s with { Ipam = new WhereaboutsIpam("whereabouts", "192.168.100.0/24", null, [entry]) }), ErrorCodes.InvalidField);
        Assert.Equal("spec.ipam.exclude", error.Field);
        Assert.Contains(why, error.Message);
    }

    [Fact]
    public void An_invalid_network_namespace_is_refused() =>
        Then.Rejected(Apply(s => s with { NetworkNamespace = "Eks_Managed" }), ErrorCodes.InvalidName);

    [Fact]
    public void A_SriovIBNetwork_may_not_take_the_name_of_a_SriovNetwork()
    {
        var config = Given.Config(new PolicyApplied(Manual.Valid(Manual.Policy(Manual.RuncEth))), new NetworkApplied(Manual.ValidNetwork(Nics)));

        Then.Rejected(SriovConfigDecider.Decide(config, new ApplyNetwork(Nics with { Kind = SriovNetworkKind.SriovIBNetwork }), SriovSettings.Default),
            ErrorCodes.AlreadyExists);
    }

    [Fact]
    public void The_last_policy_of_a_resource_a_network_uses_cannot_be_deleted()
    {
        var config = Given.Config(new PolicyApplied(Manual.Valid(Manual.Policy(Manual.RuncEth))), new NetworkApplied(Manual.ValidNetwork(Nics)));

        Then.Rejected(SriovConfigDecider.Decide(config, new DeletePolicy("node-policy-10")), SriovErrorCodes.PolicyInUse);
        Then.Single<PolicyDeleted>(SriovConfigDecider.Decide(WithPolicy, new DeletePolicy("node-policy-10")));
        Then.Nothing(SriovConfigDecider.Decide(Given.Config(), new DeletePolicy("node-policy-10")));
    }
}
