using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-2a")]
public sealed class PolicyDefaultsTests
{
    private static readonly SriovNetworkNodePolicy Base = Manual.Policy(Manual.RuncEth);

    private static Decision Apply(Func<SriovNetworkNodePolicySpec, SriovNetworkNodePolicySpec> change) =>
        SriovConfigDecider.Decide(Given.Config(), new ApplyPolicy(Base with { Spec = change(Base.Spec) }), [], SriovSettings.Default);

    private static SriovNetworkNodePolicySpec Applied(Func<SriovNetworkNodePolicySpec, SriovNetworkNodePolicySpec> change) =>
        Assert.IsType<PolicyApplied>(Apply(change).Events[0]).Policy.Spec;

    [Fact]
    public void A_missing_resource_name_is_refused() =>
        Assert.Equal("spec.resourceName", Then.Rejected(Apply(s => s with { ResourceName = null }), ErrorCodes.MissingField).Field);

    [Theory]
    [InlineData("-mlxnics")]
    [InlineData("mlxnics_")]
    [InlineData("mlx.nics")]
    [InlineData("ecnf.io/mlxnics")]
    public void A_resource_name_outside_the_pattern_is_refused(string name) =>
        Assert.Equal(name, Then.Rejected(Apply(s => s with { ResourceName = name }), ErrorCodes.InvalidField).Value);

    [Fact]
    public void A_resource_name_of_63_characters_is_accepted_and_64_refused()
    {
        Assert.Equal(new string('a', 63), Applied(s => s with { ResourceName = new string('a', 63) }).ResourceName);
        Then.Rejected(Apply(s => s with { ResourceName = new string('a', 64) }), ErrorCodes.InvalidField);
    }

    [Fact]
    public void A_missing_priority_becomes_99_and_a_missing_is_rdma_false()
    {
        var spec = Applied(s => s with { Priority = null, IsRdma = null });

        Assert.Equal((99, false), (spec.Priority, spec.IsRdma));
    }

    [Fact]
    public void A_missing_device_type_becomes_netdevice() =>
        Assert.Equal("netdevice", Applied(s => s with { DeviceType = null }).DeviceType);

    [Fact]
    public void Link_type_IB_with_netdevice_implies_rdma() =>
        Assert.True(Applied(s => s with { LinkType = "IB", DeviceType = "netdevice", IsRdma = null }).IsRdma);

    [Fact]
    public void Link_type_IB_with_vfio_pci_keeps_rdma_off_as_in_the_rune_IB_scenario() =>
        Assert.False(Applied(s => s with { LinkType = "IB", DeviceType = "vfio-pci", IsRdma = false }).IsRdma);

    [Fact]
    public void Vfio_pci_with_rdma_is_refused() =>
        Then.Rejected(Apply(s => s with { DeviceType = "vfio-pci", IsRdma = true }), SriovErrorCodes.RdmaWithVfioPci);

    [Fact]
    public void Zero_VFs_are_refused()
    {
        var error = Then.Rejected(Apply(s => s with { NumVfs = 0 }), ErrorCodes.InvalidField);

        Assert.Equal(("spec.numVfs", "0"), (error.Field, error.Value));
    }
}
