using Mesh.Contracts;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-3")]
public sealed class NicSelectorTests
{
    private static readonly SriovNetworkNodePolicy Base = Manual.Policy(Manual.RuncEth);

    private static Decision Apply(SriovNicSelector nic, SriovSettings? settings = null, params NodeInventory[] nodes) =>
        SriovConfigDecider.Decide(Given.Config(), new ApplyPolicy(Base with { Spec = Base.Spec with { NicSelector = nic } }),
            nodes, settings ?? SriovSettings.Default);

    private static NodeInventory Node10 => new(Manual.Node, Manual.Labels,
        [Manual.PfReport("ETH", 0, name: "ens1f0"), Manual.PfReport("ETH", 0, pci: "0000:72:00.0", name: "ens2f0")]);

    [Fact]
    public void A_vendor_other_than_8086_or_15b3_is_refused()
    {
        var error = Then.Rejected(Apply(new SriovNicSelector(Vendor: "14e4")), ErrorCodes.InvalidField);

        Assert.Equal(("spec.nicSelector.vendor", "14e4"), (error.Field, error.Value));
    }

    [Theory]
    [InlineData("158b")]
    [InlineData("1015")]
    [InlineData("1017")]
    public void The_device_ids_of_the_manual_table_are_accepted(string device) =>
        Then.Has<PolicyApplied>(Apply(new SriovNicSelector(DeviceID: device)));

    [Fact]
    public void Device_1013_from_the_manual_example_is_refused_by_default_and_accepted_when_configured()
    {
        Then.Rejected(Apply(new SriovNicSelector(DeviceID: "1013")), ErrorCodes.InvalidField);
        var settings = SriovSettings.Default with { DeviceIds = ["158b", "1015", "1017", "1013"] };

        Then.Has<PolicyApplied>(Apply(new SriovNicSelector(DeviceID: "1013"), settings));
    }

    [Fact]
    public void Root_devices_alone_are_refused_with_the_manual_remedy()
    {
        var error = Then.Rejected(Apply(new SriovNicSelector(RootDevices: [Manual.Pf])), SriovErrorCodes.RootDevicesNeedSelector);

        Assert.Contains("vendor, deviceID or pfNames", error.Remedy);
    }

    [Fact]
    public void A_root_device_not_in_pci_form_is_refused() =>
        Then.Rejected(Apply(new SriovNicSelector(Vendor: "15b3", RootDevices: ["71:00.0"])), ErrorCodes.InvalidField);

    [Fact]
    public void An_empty_nic_selector_is_refused() =>
        Then.Rejected(Apply(new SriovNicSelector()), ErrorCodes.MissingField);

    [Fact]
    public void Pf_names_and_root_devices_naming_different_devices_are_refused()
    {
        var nic = new SriovNicSelector(Vendor: "15b3", PfNames: ["ens2f0"], RootDevices: [Manual.Pf]);

        Then.Rejected(Apply(nic, null, Node10), SriovErrorCodes.PfNamesRootDevicesMismatch);
    }

    [Fact]
    public void Pf_names_and_root_devices_naming_the_same_device_are_accepted()
    {
        var nic = new SriovNicSelector(Vendor: "15b3", PfNames: ["ens1f0"], RootDevices: [Manual.Pf]);

        Then.Single<PolicyApplied>(Apply(nic, null, Node10));
    }

    [Fact]
    public void A_pf_name_with_a_vf_range_selects_its_pf()
    {
        var policy = Manual.Valid(Base with { Spec = Base.Spec with { NicSelector = new SriovNicSelector(PfNames: ["ens2f0#0-1"]) } });

        Assert.Equal(["0000:72:00.0"], PolicyPlanner.MatchedPfs(policy, Node10).Select(pf => pf.PciAddress));
    }
}
