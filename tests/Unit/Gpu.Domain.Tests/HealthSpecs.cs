using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-11")]
public class HealthSpecs
{
    [Fact]
    public void An_unhealthy_card_is_never_assigned()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0, healthy: false), Nvidia(1)));

        var e = Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Pod())));

        Assert.Equal([1], e.Devices.Select(d => d.Index));
    }

    [Fact]
    public void A_node_whose_only_card_is_unhealthy_is_insufficient() =>
        Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0, healthy: false))).When(new AssignGpus("n1", Pod())),
            "insufficient nvidia.com/gpu");

    [Fact]
    public void Pinning_an_unhealthy_card_is_refused_with_DeviceUnhealthy()
    {
        var error = Then.Rejected(Spec.Given("n1", Registered("n1", Kunlun(0, healthy: false))).When(new AssignGpus("n1", Pod(resource: GpuResources.KunlunXpu, visible: [0]))),
            GpuErrors.DeviceUnhealthyCode);
        Assert.Equal("0", error.Value);
    }

    [Fact]
    public void A_placement_on_a_card_that_turned_unhealthy_is_refused()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0)));
        var placement = GpuScheduler.Schedule(Pod(), [spec.State]).Placement!;
        spec.Run(new ReportDeviceHealth("n1", 0, false, "Xid 48"));

        Then.Rejected(spec.When(placement.ToCommand(Pod())), GpuErrors.PlacementConflictCode);
    }

    [Fact]
    public void The_pods_holding_a_card_that_turns_unhealthy_are_reported()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Nvidia(1)));
        spec.Run(new AssignGpus("n1", Pod("b"), [0]));
        spec.Run(new AssignGpus("n1", Pod("a"), [0]));
        spec.Run(new AssignGpus("n1", Pod("c"), [1]));

        var e = Then.Single<GpuDeviceHealthChanged>(spec.When(new ReportDeviceHealth("n1", 0, false, "Xid 79: fallen off the bus")));

        Assert.Equal(["a", "b"], e.AffectedPods);
        Assert.Equal(Nvidia(0).Uuid, e.Uuid);
    }

    [Fact]
    public void Reporting_the_same_health_again_records_nothing() =>
        Then.Nothing(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new ReportDeviceHealth("n1", 0, true, "ok")));

    [Fact]
    public void A_recovered_card_is_assignable_again()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0, healthy: false)));
        spec.Run(new ReportDeviceHealth("n1", 0, true, "recovered"));

        Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Pod())));
    }
}
