using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

/// The four scenarios of the seed manual (5.1.3-5.1.6), end to end through the deciders:
/// policy, node reconfiguration, network, pod allocation, exhaustion, release, re-request.
public sealed class ManualScenarioTests
{
    private readonly SriovSettings settings = SriovSettings.Default;

    [Theory]
    [MemberData(nameof(Manual.All), MemberType = typeof(Manual))]
    [Trait("rule", "SRIOV-4")]
    [Trait("rule", "SRIOV-5")]
    [Trait("rule", "SRIOV-8")]
    [Trait("rule", "SRIOV-9")]
    [Trait("rule", "SRIOV-10")]
    public void The_manual_scenario_configures_node_10_and_gives_the_pod_a_VF(Scenario s)
    {
        var config = SriovConfig.Create();
        var node = SriovNode.Create(Manual.Node);
        Then.Applied(SriovNodeDecider.Decide(node, new ReportNodeLabels(Manual.Node, Manual.Labels)), node);
        Then.Applied(SriovNodeDecider.Decide(node, new ReportNodeState(Manual.Node,
            new SriovNetworkNodeStateStatus([Manual.PfReport(s.LinkType, 0)], SyncStatus.Succeeded))), node);

        var applied = Then.Single<PolicyApplied>(SriovConfigDecider.Decide(config, new ApplyPolicy(Manual.Policy(s)), [node.Inventory], settings));
        config.Apply(applied);
        var desired = Then.Single<NodeConfigurationDesired>(SriovNodeDecider.Decide(node, new ReconcileNodePolicies(Manual.Node, config.Policies, applied.Policy.Name)));
        node.Apply(desired);
        Assert.Equal(SyncStatus.InProgress, node.SyncStatus);
        var pf = Assert.Single(desired.Pfs);
        Assert.Equal((Manual.Pf, 3, s.DeviceType, s.IsRdma, "mlxnics"), (pf.PciAddress, pf.NumVfs, pf.DeviceType, pf.IsRdma, pf.ResourceName));

        Then.Applied(SriovNodeDecider.Decide(node, new ReportNodeState(Manual.Node,
            new SriovNetworkNodeStateStatus([Manual.PfReport(s.LinkType, 3, vfDriver: s.DeviceType == "vfio-pci" ? "vfio-pci" : "mlx5_core")],
                SyncStatus.Succeeded))), node);
        Then.Applied(SriovConfigDecider.Decide(config, new ApplyNetwork(Manual.Network(s)), settings), config);

        var allocated = Then.Single<VfsAllocated>(VfAllocator.Decide(node, Manual.Pod(s, "uid-1"), config, settings));
        var vf = Assert.Single(allocated.Vfs);
        Assert.Equal((Manual.Pf, "0000:71:00.1", s.Runtime), (vf.PfPciAddress, vf.VfPciAddress, allocated.Runtime));
        Assert.Equal(new NetworkRef(Manual.Ns, s.Network), vf.Network);
        Assert.Equal("192.168.100.0/24", vf.IpamRange);
        Assert.Equal("net1", vf.Interface);
    }

    [Theory]
    [MemberData(nameof(Manual.All), MemberType = typeof(Manual))]
    [Trait("rule", "SRIOV-10")]
    public void A_fourth_VF_request_on_a_node_with_3_VFs_is_insufficient_ecnf_io_mlxnics(Scenario s)
    {
        var node = Given.ReadyNode(s);
        var config = Given.ConfigFor(s);
        foreach (var uid in new[] { "uid-1", "uid-2", "uid-3" })
        {
            Then.Applied(VfAllocator.Decide(node, Manual.Pod(s, uid, uid), config, settings), node);
        }

        var error = Then.Rejected(VfAllocator.Decide(node, Manual.Pod(s, "uid-4", "uid-4"), config, settings), "insufficient ecnf.io/mlxnics");

        Assert.StartsWith("insufficient ecnf.io/mlxnics", error.Message);
        Assert.Equal(3, node.VfHolders.Count);
    }

    [Theory]
    [MemberData(nameof(Manual.All), MemberType = typeof(Manual))]
    [Trait("rule", "SRIOV-10")]
    public void After_a_release_the_refused_pod_gets_the_freed_VF(Scenario s)
    {
        var node = Given.ReadyNode(s);
        var config = Given.ConfigFor(s);
        foreach (var uid in new[] { "uid-1", "uid-2", "uid-3" })
        {
            Then.Applied(VfAllocator.Decide(node, Manual.Pod(s, uid, uid), config, settings), node);
        }
        var freed = node.Allocations["uid-2"].Vfs[0].VfPciAddress;

        Then.Applied(VfAllocator.Decide(node, new ReleaseVfs(Manual.Node, "uid-2")), node);
        var again = Then.Single<VfsAllocated>(VfAllocator.Decide(node, Manual.Pod(s, "uid-4", "uid-4"), config, settings));

        Assert.Equal(freed, Assert.Single(again.Vfs).VfPciAddress);
    }
}
