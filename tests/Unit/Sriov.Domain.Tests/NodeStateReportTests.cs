using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-1")]
public sealed class NodeStateReportTests
{
    // The manual's own sriovnetworknodestates example (5.1.2).
    private static readonly SriovInterface ManualIb0 = new("ib0", "0000:61:00.0", "15b3", "1013", "mlx5_core", "IB", 2048,
        "00:00:07:ff:fe:80:00:00:00:00:00:00:e4:1d:2d:03:00:67:68:fa", 3);

    private static Decision Report(SriovNode node, string? sync, params SriovInterface[] pfs) =>
        SriovNodeDecider.Decide(node, new ReportNodeState(Manual.Node, new SriovNetworkNodeStateStatus(pfs, sync)));

    [Fact]
    public void The_manual_node_state_is_recorded_with_its_interfaces_and_sync_status()
    {
        var node = Given.Node();
        var reported = Then.Single<NodeStateReported>(Report(node, "Succeeded", ManualIb0));
        node.Apply(reported);

        var pf = Assert.Single(node.Interfaces);
        Assert.Equal(("ib0", "0000:61:00.0", "IB", 3), (pf.Name, pf.PciAddress, pf.LinkType, pf.Totalvfs));
        Assert.Equal(SyncStatus.Succeeded, node.SyncStatus);
    }

    [Fact]
    public void VFs_are_recorded_with_address_id_driver_and_mac()
    {
        var node = Given.Node();
        node.Apply(Then.Single<NodeStateReported>(Report(node, "Succeeded", Manual.PfReport("ETH", 3))));

        Assert.Equal(["0000:71:00.1", "0000:71:00.2", "0000:71:00.3"], node.Interfaces[0].VfList.Select(v => v.PciAddress));
        Assert.Equal([0, 1, 2], node.Interfaces[0].VfList.Select(v => v.VfID));
    }

    [Fact]
    public void The_same_report_twice_appends_nothing()
    {
        var node = Given.Node(new NodeStateReported(Manual.Node, [ManualIb0], SyncStatus.Succeeded));

        Then.Nothing(Report(node, "Succeeded", ManualIb0));
    }

    [Fact]
    public void A_lowercase_link_type_is_recorded_upper_case()
    {
        var reported = Then.Single<NodeStateReported>(Report(Given.Node(), "InProgress", ManualIb0 with { LinkType = "ib" }));

        Assert.Equal("IB", reported.Interfaces[0].LinkType);
    }

    [Theory]
    [InlineData("61:00.0")]
    [InlineData("0000:61:00.9")]
    [InlineData("")]
    public void A_pci_address_not_in_0000_61_00_0_form_is_refused(string pci)
    {
        var error = Then.Rejected(Report(Given.Node(), "Succeeded", ManualIb0 with { PciAddress = pci }), ErrorCodes.InvalidField);

        Assert.Equal("status.interfaces[].pciAddress", error.Field);
    }

    [Theory]
    [InlineData("Done")]
    [InlineData(null)]
    public void A_sync_status_other_than_InProgress_Succeeded_Failed_is_refused(string? sync) =>
        Then.Rejected(Report(Given.Node(), sync, ManualIb0), ErrorCodes.InvalidField);

    [Fact]
    public void A_link_type_other_than_IB_or_ETH_is_refused() =>
        Then.Rejected(Report(Given.Node(), "Succeeded", ManualIb0 with { LinkType = "FC" }), ErrorCodes.InvalidField);

    [Fact]
    public void NumVfs_above_totalvfs_is_refused() =>
        Then.Rejected(Report(Given.Node(), "Succeeded", ManualIb0 with { NumVfs = 4 }), ErrorCodes.InvalidField);

    [Fact]
    public void Two_interfaces_with_one_pci_address_are_refused() =>
        Then.Rejected(Report(Given.Node(), "Succeeded", ManualIb0, ManualIb0 with { Name = "ib1" }), ErrorCodes.InvalidField);
}
