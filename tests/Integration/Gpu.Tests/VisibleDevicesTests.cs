using Mesh.Contracts.Gpu;
using Mesh.Gpu.Service.Handlers;
using Mesh.Hosting;

namespace Mesh.Gpu.Tests;

/// <summary>GPU-13: the visibility variables as seed 001 writes them: all/ALL (no isolation) or the pinned cards' indexes.</summary>
[Trait("rule", "GPU-13")]
public sealed class VisibleDevicesTests
{
    private static GpuPod Pod(string variable, string value, string resource = "baidu.com/XPU", string count = "1") => new()
    {
        Namespace = "ai", Name = "perf-server0", Uid = "u1", Project = "p1", RuntimeClassName = "rune", WorkloadKind = "Deployment",
        Requests = new Dictionary<string, string> { [resource] = count },
        Env = new Dictionary<string, string> { [variable] = value },
    };

    [Theory]
    [InlineData("CXPU_VISIBLE_DEVICES", "ALL")]
    [InlineData("CXPU_VISIBLE_DEVICES", "all")]
    [InlineData("NVIDIA_VISIBLE_DEVICES", "all")]
    [InlineData("NVIDIA_VISIBLE_DEVICES", " All ")]
    public void All_means_no_isolation_the_pod_shares_the_cards_it_gets(string variable, string value)
    {
        var request = PodTranslation.ToRequest(Pod(variable, value));
        Assert.Null(request.VisibleDevices);
        Assert.False(request.Exclusive);
    }

    [Theory]
    [InlineData("1", new[] { 1 })]
    [InlineData("0,1", new[] { 0, 1 })]
    [InlineData("1, 2, 3", new[] { 1, 2, 3 })]
    [InlineData("(1, 2, 3)", new[] { 1, 2, 3 })]
    public void Index_lists_pin_those_cards(string value, int[] expected) =>
        Assert.Equal(expected, PodTranslation.ToRequest(Pod("CXPU_VISIBLE_DEVICES", value)).VisibleDevices);

    [Theory]
    [InlineData("GPU-5a0c1d2e")]
    [InlineData("-1")]
    [InlineData("none")]
    [InlineData("1,,x")]
    public void Anything_else_is_refused_naming_the_variable_and_both_forms(string value)
    {
        var error = Assert.Throws<MeshException>(() => PodTranslation.ToRequest(Pod("NVIDIA_VISIBLE_DEVICES", value, "nvidia.com/gpu"))).Error;
        Assert.Equal("env[NVIDIA_VISIBLE_DEVICES]", error.Field);
        Assert.Contains("write all", error.Message);
    }
}
