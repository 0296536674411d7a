using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-2")]
public class ResourceNameSpecs
{
    [Fact]
    public void Nvidia_gpu_requests_get_nvidia_cards_and_NVIDIA_VISIBLE_DEVICES_with_their_uuids()
    {
        var spec = Spec.Given("n1", Registered("n1", Kunlun(0), Nvidia(1)));

        var e = Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Pod())));

        Assert.Equal(GpuResources.NvidiaGpu, e.Resource);
        Assert.Equal("NVIDIA_VISIBLE_DEVICES", e.VisibilityVariable);
        Assert.Equal(Nvidia(1).Uuid, e.VisibleDevices);
    }

    [Fact]
    public void Baidu_XPU_requests_get_kunlun_cards_and_CXPU_VISIBLE_DEVICES_with_their_numbers()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Kunlun(1), Kunlun(2)));

        var e = Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Pod(resource: GpuResources.KunlunXpu, count: "2"))));

        Assert.Equal("CXPU_VISIBLE_DEVICES", e.VisibilityVariable);
        Assert.Equal("1,2", e.VisibleDevices);
    }

    [Fact]
    public void A_pod_with_no_gpu_resource_is_refused_with_InvalidRequest()
    {
        var pod = Pod() with { Requests = new Dictionary<string, string> { ["cpu"] = "2" } };
        Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new AssignGpus("n1", pod)), GpuErrors.InvalidRequestCode);
    }

    [Fact]
    public void A_pod_asking_for_both_vendors_is_refused()
    {
        var pod = Pod(extra: [(GpuResources.KunlunXpu, "1")]);
        Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new AssignGpus("n1", pod)), GpuErrors.InvalidRequestCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("lots")]
    public void A_count_that_is_not_a_positive_whole_number_is_refused_naming_it(string count)
    {
        var error = Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new AssignGpus("n1", Pod(count: count))),
            GpuErrors.InvalidRequestCode);
        Assert.Equal("resources.requests[nvidia.com/gpu]", error.Field);
        Assert.Equal(count, error.Value);
    }

    [Fact]
    public void A_node_without_cards_of_the_vendor_is_insufficient()
    {
        var error = Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new AssignGpus("n1", Pod(resource: GpuResources.KunlunXpu))),
            "insufficient baidu.com/XPU");
        Assert.Equal("0/1 nodes are available: 1 insufficient baidu.com/XPU.", error.Message);
    }
}

/// <summary>AGENT-2, GPU-4: nvidia-smi's product names map to the model family the supported list and node selectors use.</summary>
[Trait("rule", "AGENT-2")]
public class NvidiaSmiModelSpecs
{
    [Theory]
    [InlineData("Tesla V100-SXM2-16GB", "Tesla V100")]
    [InlineData("Tesla V100-PCIE-32GB", "Tesla V100")]
    [InlineData("Tesla P100-PCIE-16GB", "Tesla P100")]
    [InlineData("Tesla P40", "Tesla P40")]
    [InlineData("Tesla P4", "Tesla P4")]
    [InlineData("NVIDIA Tesla T4", "Tesla T4")]
    [InlineData("Quadro RTX 8000", "Quadro RTX 8000")]
    public void Known_families_are_recognised(string smi, string family) =>
        Assert.Equal(family, GpuModels.Canonical(GpuVendor.Nvidia, smi));

    [Theory]
    [InlineData("Tesla V100S-PCIE-32GB")]
    [InlineData("NVIDIA A100-SXM4-40GB")]
    [InlineData("Tesla")]
    public void Other_cards_are_not_taken_for_a_supported_family(string smi) =>
        Assert.Null(GpuModels.Canonical(GpuVendor.Nvidia, smi));

    [Fact]
    public void A_node_reported_with_nvidia_smi_names_registers()
    {
        var register = new RegisterGpuNode("n1", "amd64", Mesh.Gpu.Domain.Tests.Fixtures.NoLabels, [],
            [new GpuDevice(0, "GPU-3b1c5f2e", GpuVendor.Nvidia, "Tesla V100-SXM2-16GB", 16384)]);
        var registered = Then.Single<GpuNodeRegistered>(GpuNodeDecider.Decide(new GpuNode("n1"), register));
        Assert.Equal("Tesla V100", registered.Devices[0].Model);
    }
}
