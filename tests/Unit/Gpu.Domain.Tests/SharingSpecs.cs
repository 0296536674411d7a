using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-7")]
public class SharingSpecs
{
    [Fact]
    public void By_default_every_pod_shares_the_cards()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0)));

        var first = Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("p1"))));
        var second = Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("p2"))));

        Assert.False(first.Exclusive);
        Assert.Equal(first.VisibleDevices, second.VisibleDevices);
        Assert.Equal(2, spec.State.UsageOf(0).SharedPods);
    }

    [Fact]
    public void An_exclusive_card_leaves_the_shared_set()
    {
        var spec = Spec.Given("n1", Registered("n1", Kunlun(0), Kunlun(1)));
        var exclusive = Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("x", GpuResources.KunlunXpu, exclusive: true))));

        var shared = Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("s", GpuResources.KunlunXpu))));

        Assert.True(exclusive.Exclusive);
        Assert.NotEqual(exclusive.VisibleDevices, shared.VisibleDevices);
    }

    [Fact]
    public void Pinning_a_card_with_CXPU_VISIBLE_DEVICES_takes_that_card_exclusively()
    {
        var spec = Spec.Given("n1", Registered("n1", Kunlun(0), Kunlun(1), Kunlun(2)));

        var e = Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("x", GpuResources.KunlunXpu, visible: [1]))));

        Assert.True(e.Exclusive);
        Assert.Equal("1", e.VisibleDevices);
        Assert.Equal("x", spec.State.UsageOf(1).ExclusivePod);
    }

    [Fact]
    public void Once_every_card_is_exclusively_held_further_pods_get_none()
    {
        var spec = Spec.Given("n1", Registered("n1", Kunlun(0), Kunlun(1)));
        spec.Run(new AssignGpus("n1", Pod("x0", GpuResources.KunlunXpu, visible: [0])));
        spec.Run(new AssignGpus("n1", Pod("x1", GpuResources.KunlunXpu, visible: [1])));

        var error = Then.Rejected(spec.When(new AssignGpus("n1", Pod("s", GpuResources.KunlunXpu))), "insufficient baidu.com/XPU");

        Assert.Equal("0/1 nodes are available: 1 insufficient baidu.com/XPU.", error.Message);
    }

    [Fact]
    public void A_card_already_shared_cannot_be_taken_exclusively()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0)));
        spec.Run(new AssignGpus("n1", Pod("s")));

        Then.Rejected(spec.When(new AssignGpus("n1", Pod("x", exclusive: true))), "insufficient nvidia.com/gpu");
    }

    [Fact]
    public void Releasing_an_exclusive_card_returns_it_to_the_shared_set()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0)));
        spec.Run(new AssignGpus("n1", Pod("x", exclusive: true)));

        var released = Then.Single<GpuDevicesReleased>(spec.Run(new ReleaseGpus("n1", "x")));

        Assert.Equal([0], released.Devices.Select(d => d.Index));
        Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Pod("s"))));
    }

    [Fact]
    public void Pinning_a_card_that_does_not_exist_is_refused_with_DeviceNotFound() =>
        Then.Rejected(Spec.Given("n1", Registered("n1", Kunlun(0))).When(new AssignGpus("n1", Pod("x", GpuResources.KunlunXpu, visible: [3]))),
            GpuErrors.DeviceNotFoundCode);

    [Fact]
    public void Pinning_more_cards_than_requested_is_refused() =>
        Then.Rejected(Spec.Given("n1", Registered("n1", Kunlun(0), Kunlun(1))).When(new AssignGpus("n1", Pod("x", GpuResources.KunlunXpu, visible: [0, 1]))),
            GpuErrors.InvalidRequestCode);
}
