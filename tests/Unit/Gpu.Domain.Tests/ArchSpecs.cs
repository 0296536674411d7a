using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-5")]
public class ArchSpecs
{
    private static GpuNodeRegistered Arm(string name) => Registered(name, Nvidia(0)) with { Arch = "arm64" };

    [Fact]
    public void An_arm_node_gives_no_gpus_and_says_so_with_ArchNotSupported()
    {
        var error = Then.Rejected(Spec.Given("arm1", Arm("arm1")).When(new AssignGpus("arm1", Pod())), GpuErrors.ArchNotSupportedCode);
        Assert.Equal("arch", error.Field);
        Assert.Equal("arm64", error.Value);
    }

    [Fact]
    public void The_scheduler_skips_arm_nodes_as_kube_scheduler_words_an_affinity_mismatch()
    {
        var nodes = new[] { Node("arm1", Arm("arm1")), Node("arm2", Arm("arm2")), Node("x86", Registered("x86", Nvidia(0))) };

        var result = GpuScheduler.Schedule(Pod(), nodes);

        Assert.Equal("x86", result.Placement?.Node);
    }

    [Fact]
    public void When_only_arm_nodes_exist_the_pod_is_unschedulable()
    {
        var result = GpuScheduler.Schedule(Pod(), [Node("arm1", Arm("arm1"))]);

        Assert.Equal(GpuErrors.UnschedulableCode, result.Error?.Code);
        Assert.Equal("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.", result.Error?.Message);
    }
}
