using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

/// <summary>SRIOV-5a: only the agent's Succeeded report of the desired generation, showing the desired VFs, reopens a PF.</summary>
[Trait("rule", "SRIOV-5a")]
public sealed class ReconfigurationGenerationTests
{
    private static ReconcileNodePolicies Reconcile(Scenario s, int numVfs) =>
        new(Manual.Node, [Manual.Valid(Manual.Policy(s, numVfs: numVfs))], "node-policy-10");

    private static SriovInterface Pf(Scenario s, int numVfs, string driver) => Manual.PfReport(s.LinkType, numVfs) with
    {
        Vfs = Enumerable.Range(0, numVfs).Select(i => new SriovVf($"{Manual.Pf[..^1]}{i + 1}", i, driver)).ToList(),
    };

    private static Decision Report(SriovNode node, SriovInterface pf, string sync = SyncStatus.Succeeded, long? generation = null) =>
        SriovNodeDecider.Decide(node, new ReportNodeState(Manual.Node, new SriovNetworkNodeStateStatus([pf], sync, generation)));

    private static SriovNode Apply(SriovNode node, Decision decision)
    {
        Assert.False(decision.IsRejected, decision.Error?.ToString());
        foreach (var e in decision.Events)
        {
            node.Apply(e);
        }
        return node;
    }

    [Fact]
    public void Each_desired_configuration_of_a_node_carries_the_next_generation()
    {
        var node = Given.ReadyNode(Manual.RuncEth, numVfs: 2);
        var first = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(Manual.RuncEth, 3)));
        node.Apply(first);
        var second = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(Manual.RuncEth, 1)));
        Assert.Equal((first.Generation + 1, second.Generation), (second.Generation, node.DesiredGeneration + 1));
        Assert.True(first.Generation >= 1);
    }

    [Fact]
    public void A_Succeeded_report_whose_VFs_do_not_match_numVfs_keeps_the_PF_closed()
    {
        var node = Given.ReadyNode(Manual.RuncEth, numVfs: 2);
        node.Apply(Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(Manual.RuncEth, 3))));

        // The agent had not applied it yet: its periodic report still shows 2 VFs, Succeeded.
        Apply(node, Report(node, Pf(Manual.RuncEth, 2, "mlx5_core")));
        Assert.Contains(Manual.Pf, node.PendingPfs);
        Apply(node, Report(node, Pf(Manual.RuncEth, 3, "mlx5_core")));
        Assert.Empty(node.PendingPfs);
    }

    [Fact]
    public void A_report_of_an_older_generation_changes_nothing_even_when_its_VFs_look_right()
    {
        var node = Given.ReadyNode(Manual.RuncEth, numVfs: 2);
        var first = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(Manual.RuncEth, 3)));
        node.Apply(first);
        Apply(node, Report(node, Pf(Manual.RuncEth, 3, "mlx5_core"), generation: first.Generation));
        var second = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(Manual.RuncEth, 2)));
        node.Apply(second);

        // A late copy of the report for the first configuration: 3 VFs of generation 1, while 2 are desired at generation 2.
        Apply(node, Report(node, Pf(Manual.RuncEth, 2, "mlx5_core"), generation: first.Generation));
        Assert.Contains(Manual.Pf, node.PendingPfs);
        Apply(node, Report(node, Pf(Manual.RuncEth, 2, "mlx5_core"), generation: second.Generation));
        Assert.Empty(node.PendingPfs);
    }

    [Fact]
    public void A_PF_desired_as_vfio_pci_reopens_only_when_its_VFs_are_bound_to_vfio_pci()
    {
        var node = Given.ReadyNode(Manual.RuneIb, numVfs: 2);
        var desired = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(Manual.RuneIb, 3)));
        node.Apply(desired);

        Apply(node, Report(node, Pf(Manual.RuneIb, 3, "mlx5_core"), generation: desired.Generation));
        Assert.Contains(Manual.Pf, node.PendingPfs);
        Apply(node, Report(node, Pf(Manual.RuneIb, 3, "vfio-pci"), generation: desired.Generation));
        Assert.Empty(node.PendingPfs);
    }

    [Fact]
    public void InProgress_and_Failed_reports_reopen_nothing()
    {
        var node = Given.ReadyNode(Manual.RuncEth, numVfs: 2);
        var desired = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, Reconcile(Manual.RuncEth, 3)));
        node.Apply(desired);
        Apply(node, Report(node, Pf(Manual.RuncEth, 3, "mlx5_core"), SyncStatus.InProgress, desired.Generation));
        Apply(node, Report(node, Pf(Manual.RuncEth, 3, "mlx5_core"), SyncStatus.Failed, desired.Generation));
        Assert.Contains(Manual.Pf, node.PendingPfs);
    }
}
