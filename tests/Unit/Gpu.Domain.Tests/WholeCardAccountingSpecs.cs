using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

/// <summary>GPU-12a: a pod sharing a whole card counts as the whole card against slices (HAMi's accounting).</summary>
[Trait("rule", "GPU-12a")]
public class WholeCardAccountingSpecs
{
    [Fact]
    public void Pods_sharing_whole_cards_share_them_with_each_other()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0)));
        Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("a"))));
        Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("b"))));
        Assert.Equal((2, 2), (spec.State.UsageOf(0).SharedPods, spec.State.UsageOf(0).WholeSharers));
    }

    [Fact]
    public void A_slice_is_refused_on_a_card_a_whole_card_sharer_uses()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0, 16384)));
        spec.Run(new AssignGpus("n1", Pod("whole")));
        var error = Then.Rejected(spec.When(new AssignGpus("n1", Slice("slice", 4096, 30, "1"))), "insufficient nvidia.com/gpu");
        Assert.Contains(GpuResources.GpuMem, error.Message);
    }

    [Fact]
    public void A_whole_card_sharer_is_refused_on_a_card_slices_use_and_goes_to_a_card_without_them()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0, 16384), Nvidia(1, 16384)));
        Assert.Equal(0, Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Slice("slice", 4096, 30, "1"), [0]))).Devices[0].Index);
        Then.Rejected(spec.When(new AssignGpus("n1", Pod("whole"), [0])), GpuErrors.PlacementConflictCode);
        Assert.Equal(1, Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("whole")))).Devices[0].Index);
        // Released, the card takes slices again.
        spec.Run(new ReleaseGpus("n1", "whole"));
        Assert.Equal(0, spec.State.UsageOf(1).WholeSharers);
        Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Slice("slice-2", 4096, 30, "1"), [1])));
    }
}
