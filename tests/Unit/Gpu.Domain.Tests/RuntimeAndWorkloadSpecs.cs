using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

public class RuntimeAndWorkloadSpecs
{
    private readonly Spec spec = Spec.Given("n1", Registered("n1", Nvidia(0)));

    [Theory]
    [Trait("rule", "GPU-3")]
    [InlineData("runc")]
    [InlineData(null)]
    public void A_pod_not_on_the_secure_runtime_is_refused_with_RuntimeNotSupported(string? runtime)
    {
        var error = Then.Rejected(spec.When(new AssignGpus("n1", Pod(runtime: runtime))), GpuErrors.RuntimeNotSupportedCode);
        Assert.Equal("runtimeClassName", error.Field);
        Assert.Equal(runtime, error.Value);
        Assert.Contains("rune", error.Remedy);
    }

    [Fact]
    [Trait("rule", "GPU-3")]
    public void The_scheduler_refuses_runc_pods_too()
    {
        var result = GpuScheduler.Schedule(Pod(runtime: "runc"), [spec.State]);
        Assert.Equal(GpuErrors.RuntimeNotSupportedCode, result.Error?.Code);
    }

    [Theory]
    [Trait("rule", "GPU-4")]
    [InlineData("DaemonSet")]
    [InlineData("CronJob")]
    public void DaemonSet_and_CronJob_workloads_are_refused_with_WorkloadKindNotSupported(string kind)
    {
        var error = Then.Rejected(spec.When(new AssignGpus("n1", Pod(kind: kind))), GpuErrors.WorkloadKindNotSupportedCode);
        Assert.Equal("workloadKind", error.Field);
        Assert.Equal(kind, error.Value);
        Assert.NotNull(error.Remedy);
    }

    [Theory]
    [Trait("rule", "GPU-4")]
    [InlineData("Deployment")]
    [InlineData("StatefulSet")]
    [InlineData("Job")]
    public void Deployment_StatefulSet_and_Job_workloads_get_cards(string kind) =>
        Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Pod(kind: kind))));

    [Fact]
    [Trait("rule", "GPU-4")]
    public void An_unknown_workload_kind_is_refused_with_InvalidRequest() =>
        Then.Rejected(spec.When(new AssignGpus("n1", Pod(kind: "Widget"))), GpuErrors.InvalidRequestCode);
}
