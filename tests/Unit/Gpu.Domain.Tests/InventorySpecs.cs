using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-1")]
public class InventorySpecs
{
    [Fact]
    public void A_first_report_registers_the_node_with_its_cards_arch_labels_and_taints()
    {
        var labels = new Dictionary<string, string> { ["accelerator"] = "nvidia-p100" };
        var cmd = new RegisterGpuNode("172.16.0.180", "amd64", labels, [GpuResources.AcceleratorTaint],
            [Nvidia(1, model: "NVIDIA Tesla P100"), Nvidia(0, model: "Tesla T4")]);

        var e = Then.Single<GpuNodeRegistered>(Spec.Given("172.16.0.180").When(cmd));

        Assert.Equal("amd64", e.Arch);
        Assert.Equal([0, 1], e.Devices.Select(d => d.Index));
        Assert.Equal(["Tesla T4", "Tesla P100"], e.Devices.Select(d => d.Model));
        Assert.Equal("172.16.0.180", e.Node);
    }

    [Theory]
    [InlineData("Tesla V100")]
    [InlineData("Tesla M6")]
    [InlineData("Quadro RTX 8000")]
    [InlineData("Quadro RTX 6000")]
    public void Every_supported_nvidia_model_is_accepted(string model) =>
        Then.Single<GpuNodeRegistered>(Spec.Given("n1").When(Register("n1", Nvidia(0, model: model))));

    [Fact]
    public void The_kunlun_r200_8f_is_accepted() =>
        Then.Single<GpuNodeRegistered>(Spec.Given("n1").When(Register("n1", Kunlun(0))));

    [Fact]
    public void An_unsupported_model_is_refused_naming_the_field_and_value()
    {
        var error = Then.Rejected(Spec.Given("n1").When(Register("n1", Nvidia(0, model: "Tesla A100"))), GpuErrors.InvalidRequestCode);
        Assert.Equal("devices[0].model", error.Field);
        Assert.Equal("Tesla A100", error.Value);
    }

    [Fact]
    public void Duplicate_indices_are_refused() =>
        Then.Rejected(Spec.Given("n1").When(Register("n1", Nvidia(0), Nvidia(0) with { Uuid = "other" })), GpuErrors.InvalidRequestCode);

    [Fact]
    public void Duplicate_uuids_are_refused() =>
        Then.Rejected(Spec.Given("n1").When(Register("n1", Nvidia(0), Nvidia(1) with { Uuid = Nvidia(0).Uuid })), GpuErrors.InvalidRequestCode);

    [Fact]
    public void An_unknown_arch_is_refused()
    {
        var error = Then.Rejected(Spec.Given("n1").When(Register("n1", Nvidia(0)) with { Arch = "s390x" }), GpuErrors.InvalidRequestCode);
        Assert.Equal("arch", error.Field);
    }

    [Fact]
    public void A_node_name_that_is_not_a_dns_name_is_refused() =>
        Then.Rejected(Spec.Given("Node_1").When(Register("Node_1", Nvidia(0))), GpuErrors.InvalidRequestCode);

    [Fact]
    public void Reporting_the_same_inventory_again_records_nothing() =>
        Then.Nothing(Spec.Given("n1", Registered("n1", Nvidia(0))).When(Register("n1", Nvidia(0))));

    [Fact]
    public void A_changed_inventory_names_the_pods_holding_a_card_that_vanished()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Nvidia(1)));
        spec.Run(new AssignGpus("n1", Pod("p1"), [1]));

        var e = Then.Single<GpuNodeInventoryReported>(spec.When(Register("n1", Nvidia(0))));

        Assert.Equal(["p1"], e.AffectedPods);
    }

    [Fact]
    public void Health_changes_are_events_that_update_the_state()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0)));

        var e = Then.Single<GpuDeviceHealthChanged>(spec.Run(new ReportDeviceHealth("n1", 0, false, "Xid 79")));

        Assert.False(e.Healthy);
        Assert.False(spec.State.Device(0)!.Healthy);
    }

    [Fact]
    public void Health_of_an_unknown_card_is_refused_with_DeviceNotFound() =>
        Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new ReportDeviceHealth("n1", 7, false, "x")),
            GpuErrors.DeviceNotFoundCode);

    [Fact]
    public void Health_of_an_unregistered_node_is_refused_with_NodeNotFound() =>
        Then.Rejected(Spec.Given("n1").When(new ReportDeviceHealth("n1", 0, false, "x")), GpuErrors.NodeNotFoundCode);

    [Fact]
    public void Every_stored_event_has_a_versioned_type_name()
    {
        Assert.Equal("gpu.devices-assigned.v1", GpuEventTypes.Names[typeof(GpuDevicesAssigned)]);
        Assert.All(GpuEventTypes.Names.Values, n => Assert.Matches(@"^gpu\.[a-z-]+\.v\d+$", n));
        Assert.Equal(typeof(GpuQuotaSet), GpuEventTypes.TypeOf("gpu.quota-set.v1"));
    }
}
