using Mesh.Contracts;
using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-6")]
public class QuotaSpecs
{
    private static readonly GpuQuotaSet FourGpus = new("proj-a", new Dictionary<string, long> { [GpuResources.NvidiaGpu] = 4 });

    private static Decision When(object command, params object[] given) =>
        GpuQuotaDecider.Decide(GpuQuota.From("proj-a", given), command);

    [Fact]
    public void Cards_within_the_quota_are_reserved()
    {
        var e = Then.Single<GpuQuotaReserved>(When(new ReserveGpuQuota("proj-a", "p1", GpuResources.NvidiaGpu, 4), FourGpus));
        Assert.Equal(4, e.Count);
    }

    [Fact]
    public void Cards_beyond_the_quota_are_refused_with_QuotaExceeded()
    {
        var error = Then.Rejected(
            When(new ReserveGpuQuota("proj-a", "p2", GpuResources.NvidiaGpu, 2), FourGpus,
                new GpuQuotaReserved("proj-a", "p1", GpuResources.NvidiaGpu, 3)),
            ErrorCodes.QuotaExceeded);
        Assert.Equal("resources.requests[nvidia.com/gpu]", error.Field);
        Assert.Equal("2", error.Value);
        Assert.Contains("used 3, limit 4", error.Message);
        Assert.NotNull(error.Remedy);
    }

    [Fact]
    public void Released_cards_free_quota_for_the_next_pod()
    {
        var decision = When(new ReserveGpuQuota("proj-a", "p2", GpuResources.NvidiaGpu, 4), FourGpus,
            new GpuQuotaReserved("proj-a", "p1", GpuResources.NvidiaGpu, 3), new GpuQuotaReleased("proj-a", "p1", GpuResources.NvidiaGpu, 3));
        Then.Single<GpuQuotaReserved>(decision);
    }

    [Fact]
    public void A_resource_without_a_limit_is_unlimited() =>
        Then.Single<GpuQuotaReserved>(When(new ReserveGpuQuota("proj-a", "p1", GpuResources.KunlunXpu, 64), FourGpus));

    [Fact]
    public void Reserving_again_for_the_same_pod_records_nothing() =>
        Then.Nothing(When(new ReserveGpuQuota("proj-a", "p1", GpuResources.NvidiaGpu, 3), FourGpus,
            new GpuQuotaReserved("proj-a", "p1", GpuResources.NvidiaGpu, 3)));

    [Fact]
    public void Releasing_an_unknown_pod_records_nothing() =>
        Then.Nothing(When(new ReleaseGpuQuota("proj-a", "ghost"), FourGpus));

    [Fact]
    public void Setting_the_same_quota_again_records_nothing() =>
        Then.Nothing(When(new SetGpuQuota("proj-a", FourGpus.Limits), FourGpus));

    [Fact]
    public void A_negative_quota_is_refused() =>
        Then.Rejected(When(new SetGpuQuota("proj-a", new Dictionary<string, long> { [GpuResources.NvidiaGpu] = -1 })),
            GpuErrors.InvalidRequestCode);

    [Fact]
    public void A_quota_on_a_non_gpu_resource_is_refused() =>
        Then.Rejected(When(new SetGpuQuota("proj-a", new Dictionary<string, long> { ["cpu"] = 4 })), GpuErrors.InvalidRequestCode);
}
