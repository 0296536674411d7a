using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-4")]
public sealed class PolicyApplicationTests
{
    private static readonly Scenario S = Manual.RuncEth;

    private static SriovNode ReportedNode(params SriovInterface[] pfs) => Given.Node(
        new NodeLabelsReported(Manual.Node, Manual.Labels),
        new NodeStateReported(Manual.Node, pfs.Length == 0 ? [Manual.PfReport("ETH", 0)] : pfs, SyncStatus.Succeeded));

    private static SriovNetworkNodePolicy Policy(string name, int? priority, string resource = "mlxnics") =>
        Manual.Valid(Manual.Policy(S, name, priority) with { Spec = Manual.Policy(S).Spec with { Priority = priority, ResourceName = resource } });

    [Fact]
    public void A_policy_matching_no_reported_interface_is_stored_and_says_PolicyMatchedNoDevices()
    {
        var policy = Manual.Policy(S) with { Spec = Manual.Policy(S).Spec with { NicSelector = new SriovNicSelector("15b3", "1015") } };
        var node = ReportedNode();

        var decision = SriovConfigDecider.Decide(Given.Config(), new ApplyPolicy(policy), [node.Inventory], SriovSettings.Default);

        Assert.Equal([typeof(PolicyApplied), typeof(PolicyMatchedNoDevices)], decision.Events.Select(e => e.GetType()));
        Assert.Null(Then.Has<PolicyMatchedNoDevices>(decision).Node);
    }

    [Fact]
    public void On_a_selected_node_without_a_matching_PF_the_policy_changes_nothing_and_says_so()
    {
        var policy = Manual.Valid(Manual.Policy(S) with { Spec = Manual.Policy(S).Spec with { NicSelector = new SriovNicSelector("15b3", "1015") } });
        var node = ReportedNode();

        var said = Then.Single<PolicyMatchedNoDevices>(SriovNodeDecider.Decide(node, new ReconcileNodePolicies(Manual.Node, [policy], policy.Name)));

        Assert.Equal((policy.Name, Manual.Node), (said.Policy, said.Node));
        Assert.Empty(node.Desired);
    }

    [Fact]
    public void A_node_outside_the_node_selector_is_left_alone()
    {
        var policy = Manual.Valid(Manual.Policy(S) with { Spec = Manual.Policy(S).Spec with { NodeSelector = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "node-5" } } });

        Then.Nothing(SriovNodeDecider.Decide(ReportedNode(), new ReconcileNodePolicies(Manual.Node, [policy], policy.Name)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Of_two_policies_on_one_PF_the_lower_priority_number_wins_whatever_their_order(bool reversed)
    {
        SriovNetworkNodePolicy[] policies = [Policy("high", 10, "fast"), Policy("low", 99, "slow")];
        var ordered = reversed ? policies.Reverse().ToArray() : policies;

        var desired = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(ReportedNode(), new ReconcileNodePolicies(Manual.Node, ordered)));

        Assert.Equal(("high", "fast"), (desired.Pfs[0].Policy, desired.Pfs[0].ResourceName));
    }

    [Fact]
    public void Equal_priorities_are_broken_by_policy_name() =>
        Assert.Equal("a-policy", PolicyPlanner.Plan(ReportedNode().Inventory, [Policy("b-policy", 50), Policy("a-policy", 50)])[Manual.Pf].Policy);

    [Fact]
    public void Each_PF_gets_its_own_winner()
    {
        var node = ReportedNode(Manual.PfReport("ETH", 0), Manual.PfReport("ETH", 0, pci: "0000:72:00.0", name: "ens2f0"));
        var second = Manual.Valid(Manual.Policy(S, "second", 10) with
        {
            Spec = Manual.Policy(S).Spec with { Priority = 10, ResourceName = "other", NicSelector = new SriovNicSelector(PfNames: ["ens2f0"]) },
        });

        var plan = PolicyPlanner.Plan(node.Inventory, [Policy("node-policy-10", 50), second]);

        Assert.Equal(("mlxnics", "other"), (plan[Manual.Pf].ResourceName, plan["0000:72:00.0"].ResourceName));
    }

    [Fact]
    public void Reconciling_an_unchanged_configuration_appends_nothing()
    {
        var node = Given.ReadyNode(S);

        Then.Nothing(SriovNodeDecider.Decide(node, new ReconcileNodePolicies(Manual.Node, [Manual.Valid(Manual.Policy(S))], "node-policy-10")));
    }
}
