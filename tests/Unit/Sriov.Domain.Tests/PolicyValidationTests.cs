using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

public sealed class PolicyValidationTests
{
    private static readonly SriovNetworkNodePolicy Base = Manual.Policy(Manual.RuncEth);

    private static Decision Apply(SriovNetworkNodePolicy policy, SriovSettings? settings = null, params NodeInventory[] nodes) =>
        SriovConfigDecider.Decide(Given.Config(), new ApplyPolicy(policy), nodes.Length == 0 ? [Node10()] : nodes, settings ?? SriovSettings.Default);

    private static SriovNetworkNodePolicy With(Func<SriovNetworkNodePolicySpec, SriovNetworkNodePolicySpec> change) =>
        Base with { Spec = change(Base.Spec) };

    private static NodeInventory Node10(int totalvfs = 3) => new(Manual.Node, Manual.Labels, [Manual.PfReport("ETH", 0, totalvfs)]);

    [Theory]
    [Trait("rule", "SRIOV-2")]
    [InlineData(-1)]
    [InlineData(100)]
    public void A_priority_outside_0_to_99_is_refused(int priority) =>
        Then.Rejected(Apply(With(s => s with { Priority = priority })), ErrorCodes.InvalidField);

    [Theory]
    [Trait("rule", "SRIOV-2")]
    [InlineData(0)]
    [InlineData(9001)]
    public void An_mtu_outside_1_to_9000_is_refused_with_the_manual_remedy(int mtu)
    {
        var error = Then.Rejected(Apply(With(s => s with { Mtu = mtu })), ErrorCodes.InvalidField);

        Assert.Equal(("spec.mtu", mtu.ToString()), (error.Field, error.Value));
        Assert.Contains("1 and 9000", error.Remedy);
    }

    [Fact]
    [Trait("rule", "SRIOV-2")]
    public void An_mtu_of_9000_is_accepted() =>
        Assert.Equal(9000, Then.Single<PolicyApplied>(Apply(With(s => s with { Mtu = 9000 }))).Policy.Spec.Mtu);

    [Fact]
    [Trait("rule", "SRIOV-2")]
    public void More_than_128_VFs_on_a_Mellanox_PF_are_refused()
    {
        Then.Rejected(Apply(With(s => s with { NumVfs = 129 })), ErrorCodes.InvalidField);
        Then.Has<PolicyApplied>(Apply(With(s => s with { NumVfs = 128 }), null, Node10(totalvfs: 128)));
    }

    [Fact]
    [Trait("rule", "SRIOV-2")]
    public void NumVfs_above_the_PF_totalvfs_on_a_selected_node_is_refused()
    {
        var error = Then.Rejected(Apply(With(s => s with { NumVfs = 4 }), null, Node10(totalvfs: 3)), SriovErrorCodes.NumVfsExceedsTotalVfs);

        Assert.Contains("0000:71:00.0", error.Message);
        Assert.Contains("sriovnetworknodestates", error.Remedy);
    }

    [Theory]
    [Trait("rule", "SRIOV-2")]
    [InlineData("deviceType")]
    [InlineData("linkType")]
    public void A_device_type_or_link_type_outside_the_allowed_values_is_refused(string field)
    {
        var policy = field == "deviceType" ? With(s => s with { DeviceType = "dpdk" }) : With(s => s with { LinkType = "FC" });

        Assert.Equal($"spec.{field}", Then.Rejected(Apply(policy), ErrorCodes.InvalidField).Field);
    }

    [Fact]
    [Trait("rule", "SRIOV-2")]
    public void Several_policies_may_share_one_resource_name()
    {
        var config = Given.Config(new PolicyApplied(Manual.Valid(Base)));
        var second = Base with { Name = "node-policy-11", Spec = Base.Spec with { NicSelector = new SriovNicSelector(PfNames: ["ens2f0"]) } };

        Then.Has<PolicyApplied>(SriovConfigDecider.Decide(config, new ApplyPolicy(second), [], SriovSettings.Default));
    }

    [Fact]
    [Trait("rule", "SRIOV-2")]
    public void Reapplying_an_unchanged_policy_appends_nothing() =>
        Then.Nothing(SriovConfigDecider.Decide(Given.Config(new PolicyApplied(Manual.Valid(Base))), new ApplyPolicy(Base), [Node10()], SriovSettings.Default));

    [Fact]
    [Trait("rule", "SRIOV-2")]
    public void An_invalid_policy_name_is_refused() =>
        Then.Rejected(Apply(Base with { Name = "Node_Policy" }), ErrorCodes.InvalidName);
}
