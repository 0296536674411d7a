using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-12")]
public class SliceSpecs
{
    [Fact]
    public void Slices_share_a_card_while_memory_and_cores_last()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0, memoryMiB: 16384)));

        Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Slice("a", 8192, 30))));
        var b = Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Slice("b", 8192, 30))));

        Assert.Equal(new AssignedDevice(0, Nvidia(0).Uuid, 8192, 30), Assert.Single(b.Devices));
        Assert.Equal(16384, spec.State.UsageOf(0).MemoryMiB);
        Assert.Equal(60, spec.State.UsageOf(0).Cores);
    }

    [Fact]
    public void Memory_is_never_over_committed()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0, memoryMiB: 16384)));
        spec.Run(new AssignGpus("n1", Slice("a", 12000, 10)));

        var error = Then.Rejected(spec.When(new AssignGpus("n1", Slice("b", 5000, 10))), "insufficient nvidia.com/gpu");

        Assert.Equal("0/1 nodes are available: 1 insufficient nvidia.com/gpumem.", error.Message);
    }

    [Fact]
    public void Cores_are_never_over_committed()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0)));
        spec.Run(new AssignGpus("n1", Slice("a", 1000, 70)));

        var error = Then.Rejected(spec.When(new AssignGpus("n1", Slice("b", 1000, 40))), "insufficient nvidia.com/gpu");

        Assert.Equal("0/1 nodes are available: 1 insufficient nvidia.com/gpucores.", error.Message);
    }

    [Fact]
    public void Gpucores_of_100_makes_the_card_exclusive()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0)));

        var e = Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Slice("a", 1000, 100))));

        Assert.True(e.Exclusive);
        Assert.Equal("a", spec.State.UsageOf(0).ExclusivePod);
        Then.Rejected(spec.When(new AssignGpus("n1", Pod("plain"))), "insufficient nvidia.com/gpu");
    }

    [Fact]
    public void A_slice_spreads_over_several_cards_when_the_pod_asks_for_several()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Nvidia(1), Nvidia(2)));

        var e = Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Slice("a", 4000, 25, count: "2"))));

        Assert.Equal(2, e.Devices.Select(d => d.Index).Distinct().Count());
    }

    [Fact]
    public void Bin_pack_puts_slices_on_the_fullest_card_that_fits()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Nvidia(1)));
        spec.Run(new AssignGpus("n1", Slice("a", 4000, 20), [1]));

        var e = Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Slice("b", 4000, 20))));

        Assert.Equal(1, Assert.Single(e.Devices).Index);
    }

    [Theory]
    [InlineData(GpuResources.GpuCores, "101")]
    [InlineData(GpuResources.GpuCores, "0")]
    [InlineData(GpuResources.GpuMem, "-5")]
    public void Out_of_range_slices_are_refused_naming_the_field(string resource, string value)
    {
        var error = Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new AssignGpus("n1", Pod(extra: [(resource, value)]))),
            GpuErrors.InvalidRequestCode);
        Assert.Equal($"resources.requests[{resource}]", error.Field);
        Assert.Equal(value, error.Value);
    }

    [Fact]
    public void Slices_of_a_kunlun_card_are_refused() =>
        Then.Rejected(Spec.Given("n1", Registered("n1", Kunlun(0)))
            .When(new AssignGpus("n1", Pod(resource: GpuResources.KunlunXpu, extra: [(GpuResources.GpuMem, "1000")]))),
            GpuErrors.InvalidRequestCode);
}
