using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-5")]
public sealed class NodeReconfigurationTests
{
    private static readonly Scenario S = Manual.RuncEth;
    private readonly SriovConfig config = Given.ConfigFor(S);

    private static ReconcileNodePolicies Reconcile(int numVfs) =>
        new(Manual.Node, [Manual.Valid(Manual.Policy(S, numVfs: numVfs))], "node-policy-10");

    [Fact]
    public void A_changed_policy_emits_the_desired_configuration_warns_of_a_restart_and_marks_the_node_InProgress()
    {
        var node = Given.ReadyNode(S, numVfs: 2);

        var desired = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(3)));
        node.Apply(desired);

        Assert.Equal([Manual.Pf], desired.AffectedPfs);
        Assert.Equal(3, desired.Pfs[0].NumVfs);
        Assert.Contains("may restart", desired.Warning);
        Assert.Equal(Manual.Node, desired.Node);
        Assert.Equal(SyncStatus.InProgress, node.SyncStatus);
        Assert.Contains(Manual.Pf, node.PendingPfs);
    }

    [Fact]
    public void Nothing_is_allocated_on_a_PF_being_reconfigured_until_the_agent_reports_Succeeded()
    {
        var node = Given.ReadyNode(S, numVfs: 2);
        node.Apply(Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(3))));

        var error = Then.Rejected(VfAllocator.Decide(node, Manual.Pod(S, "uid-1"), config, SriovSettings.Default), "insufficient ecnf.io/mlxnics");
        Assert.Contains("InProgress", error.Message);

        node.Apply(new NodeStateReported(Manual.Node, [Manual.PfReport("ETH", 3)], SyncStatus.Succeeded));
        Then.Single<VfsAllocated>(VfAllocator.Decide(node, Manual.Pod(S, "uid-1"), config, SriovSettings.Default));
    }

    [Fact]
    public void A_Failed_report_keeps_the_PF_closed_to_allocations()
    {
        var node = Given.ReadyNode(S, numVfs: 2);
        node.Apply(Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(3))));
        node.Apply(new NodeStateReported(Manual.Node, [Manual.PfReport("ETH", 2)], SyncStatus.Failed));

        Then.Rejected(VfAllocator.Decide(node, Manual.Pod(S, "uid-1"), config, SriovSettings.Default), "insufficient ecnf.io/mlxnics");
    }

    [Fact]
    public void The_event_lists_the_pods_holding_VFs_on_the_affected_PF_instead_of_draining_the_node()
    {
        var node = Given.ReadyNode(S, numVfs: 2);
        node.Apply(Then.Single<VfsAllocated>(VfAllocator.Decide(node, Manual.Pod(S, "uid-1", "web-1"), config, SriovSettings.Default)));

        var desired = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(3)));

        var holder = Assert.Single(desired.PodsHoldingVfs);
        Assert.Equal(("uid-1", "web-1", "0000:71:00.1"), (holder.PodUid, holder.Name, holder.Vfs[0]));
        Assert.Contains("eks-managed/web-1", desired.Warning);
    }

    [Fact]
    public void Pods_on_PFs_that_do_not_change_are_not_listed()
    {
        var other = Manual.PfReport("ETH", 2, pci: "0000:72:00.0", name: "ens2f0");
        var node = Given.ReadyNode(S, numVfs: 2);
        node.Apply(new NodeStateReported(Manual.Node, [Manual.PfReport("ETH", 2), other], SyncStatus.Succeeded));
        node.Apply(Then.Single<VfsAllocated>(VfAllocator.Decide(node, Manual.Pod(S, "uid-1"), config, SriovSettings.Default)));
        var second = Manual.Valid(Manual.Policy(S, "second", 10) with
        {
            Spec = Manual.Policy(S).Spec with { Priority = 10, NumVfs = 2, NicSelector = new SriovNicSelector(PfNames: ["ens2f0"]) },
        });

        var desired = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node,
            new ReconcileNodePolicies(Manual.Node, [Manual.Valid(Manual.Policy(S, numVfs: 2)), second], "second")));

        Assert.Equal(["0000:72:00.0"], desired.AffectedPfs);
        Assert.Empty(desired.PodsHoldingVfs);
    }

    [Fact]
    public void Deleting_the_last_policy_of_a_PF_unconfigures_it()
    {
        var desired = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(Given.ReadyNode(S), new ReconcileNodePolicies(Manual.Node, [], "node-policy-10")));

        Assert.Empty(desired.Pfs);
        Assert.Equal([Manual.Pf], desired.AffectedPfs);
    }

    [Fact]
    public void A_policy_needing_more_VFs_than_a_PF_has_is_refused_at_reconcile_without_events() =>
        Then.Rejected(SriovNodeDecider.Decide(Given.ReadyNode(S), Reconcile(4)), SriovErrorCodes.NumVfsExceedsTotalVfs);
}
