using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-10")]
public class WarningSpecs
{
    private readonly Spec spec = Spec.Given("n1", Registered("n1", Nvidia(0)));

    [Fact]
    public void Cpu_below_one_is_allowed_with_a_warning()
    {
        var e = Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Pod(cpu: "500m"))));
        Assert.Contains(e.Warnings, w => w.Contains("resources.requests.cpu '500m'"));
    }

    [Fact]
    public void Memory_below_1024Mi_is_allowed_with_a_warning()
    {
        var e = Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Pod(memory: "512Mi"))));
        Assert.Contains(e.Warnings, w => w.Contains("resources.requests.memory '512Mi'"));
    }

    [Theory]
    [InlineData("1", "1024Mi")]
    [InlineData("2", "2Gi")]
    [InlineData("1500m", "1.5Gi")]
    public void Cpu_of_one_and_memory_of_1024Mi_or_more_give_no_warning(string cpu, string memory) =>
        Assert.Empty(Then.Single<GpuDevicesAssigned>(spec.When(new AssignGpus("n1", Pod(cpu: cpu, memory: memory)))).Warnings);

    [Fact]
    public void The_scheduler_placement_carries_the_warnings()
    {
        var placement = GpuScheduler.Schedule(Pod(cpu: "100m", memory: "1Gi"), [spec.State]).Placement!;
        Assert.Single(placement.Warnings);
    }

    [Theory]
    [InlineData("2Gi", 2147483648)]
    [InlineData("500m", 0.5)]
    [InlineData("1G", 1000000000)]
    [InlineData("1024Mi", 1073741824)]
    public void Quantities_parse_like_kubernetes(string text, double expected)
    {
        Assert.True(Quantity.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }
}
