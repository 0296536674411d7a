using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-8")]
public class TaintSpecs
{
    private static GpuPodRequest Untolerating(string uid = "p1") => Pod(uid) with { Tolerations = [] };

    [Fact]
    public void A_pod_without_the_accelerator_toleration_is_refused_with_TaintNotTolerated()
    {
        var error = Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new AssignGpus("n1", Untolerating())),
            GpuErrors.TaintNotToleratedCode);
        Assert.Equal("tolerations", error.Field);
        Assert.Equal("accelerator=true:NoSchedule", error.Value);
        Assert.Contains("toleration", error.Remedy);
    }

    [Fact]
    public void An_Exists_toleration_with_no_key_tolerates_every_taint() =>
        Then.Single<GpuDevicesAssigned>(Spec.Given("n1", Registered("n1", Nvidia(0)))
            .When(new AssignGpus("n1", Pod() with { Tolerations = [new Toleration(null, TolerationOperator.Exists)] })));

    [Fact]
    public void A_toleration_for_another_value_does_not_match()
    {
        var pod = Pod() with { Tolerations = [new Toleration("accelerator", TolerationOperator.Equal, "false")] };
        Then.Rejected(Spec.Given("n1", Registered("n1", Nvidia(0))).When(new AssignGpus("n1", pod)), GpuErrors.TaintNotToleratedCode);
    }

    [Fact]
    public void A_PreferNoSchedule_taint_does_not_filter()
    {
        var node = Registered("n1", Nvidia(0)) with { Taints = [new Taint("accelerator", "true", TaintEffect.PreferNoSchedule)] };
        Then.Single<GpuDevicesAssigned>(Spec.Given("n1", node).When(new AssignGpus("n1", Untolerating())));
    }

    [Fact]
    public void The_scheduler_explains_untolerated_taints_in_kube_scheduler_words()
    {
        var untainted = Registered("plain", Nvidia(0)) with { Taints = [] };
        var nodes = new[] { Node("gpu-a", Registered("gpu-a", Nvidia(0))), Node("plain", untainted) };
        var full = Node("plain", untainted, new GpuDevicesAssigned("plain", "other", "default", "o", "p", GpuResources.NvidiaGpu, true,
            [new AssignedDevice(0, Nvidia(0).Uuid, 16384, 100)], "NVIDIA_VISIBLE_DEVICES", Nvidia(0).Uuid, []));

        var result = GpuScheduler.Schedule(Untolerating(), [nodes[0], full, Node("gpu-b", Registered("gpu-b", Nvidia(0)))]);

        Assert.Equal("insufficient nvidia.com/gpu", result.Error?.Code);
        Assert.Equal("0/3 nodes are available: 1 insufficient nvidia.com/gpu, 2 node(s) had untolerated taint {accelerator: true}.",
            result.Error?.Message);
    }
}
