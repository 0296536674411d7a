namespace Mesh.Fip.Domain.Tests;

[Trait("rule", "FIP-2")]
public class AllocationSpecs
{
    [Fact]
    public void Allocating_gives_the_lowest_free_address_to_the_project() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.10"))
            .When(F.Allocate("eip-b"))
            .ThenEvents(new FipAllocated("eip-b", F.ProjectA, "172.35.0.11", "key-eip-b"));

    [Fact]
    public void Allocating_a_specific_address_gives_exactly_that_address() =>
        Spec.Given(F.Pool()).When(F.Allocate("eip-a", "172.35.0.18"))
            .ThenEvents(new FipAllocated("eip-a", F.ProjectA, "172.35.0.18", "key-eip-a"));

    [Fact]
    public void The_pool_may_be_named_by_its_external_network_id() =>
        Spec.Given(F.Pool()).When(F.Allocate("eip-a") with { Pool = F.ExtNet })
            .ThenEvents(new FipAllocated("eip-a", F.ProjectA, "172.35.0.10", "key-eip-a"));

    [Fact]
    public void A_specific_address_already_taken_is_refused_naming_the_holder()
    {
        var error = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.18", F.ProjectB))
            .When(F.Allocate("eip-b", "172.35.0.18"))
            .ThenRejected(FipErrorCodes.AddressInUse);

        Assert.Contains("eip-a", error.Message);
        Assert.Contains(F.ProjectB, error.Message);
        Assert.Equal("172.35.0.18", error.Value);
    }

    [Theory]
    [InlineData("172.35.0.15")] // excluded
    [InlineData("172.35.0.1")] // gateway
    [InlineData("172.35.0.40")] // outside the ranges
    public void An_address_outside_the_allocatable_set_is_refused(string address) =>
        Spec.Given(F.Pool()).When(F.Allocate("eip-a", address)).ThenRejected(FipErrorCodes.AddressNotInPool);

    [Fact]
    public void A_malformed_address_is_refused() =>
        Spec.Given(F.Pool()).When(F.Allocate("eip-a", "172.35.0")).ThenRejected(FipErrorCodes.InvalidIp);

    [Fact]
    public void An_exhausted_pool_answers_FipPoolExhausted()
    {
        var state = Spec.Given(F.Pool(ranges: ["172.35.0.10..172.35.0.11"], excludes: []),
            F.Allocated("eip-a", "172.35.0.10"), F.Allocated("eip-b", "172.35.0.11", F.ProjectB));

        var error = state.When(F.Allocate("eip-c")).ThenRejected(FipErrorCodes.FipPoolExhausted);

        Assert.Equal(F.PoolName, error.Value);
        Assert.NotNull(error.Remedy);
    }

    [Fact]
    public void A_project_at_its_default_quota_is_refused_with_QuotaExceeded()
    {
        var settings = new FipSettings(new Dictionary<string, int>(), DefaultQuota: 1);

        var error = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.10"))
            .When(F.Allocate("eip-b"), settings)
            .ThenRejected(ErrorCodes.QuotaExceeded);

        Assert.Equal(F.ProjectA, error.Value);
        Assert.Equal("project", error.Field);
    }

    [Fact]
    public void A_project_quota_overrides_the_default()
    {
        var settings = new FipSettings(new Dictionary<string, int> { [F.ProjectA] = 2 }, DefaultQuota: 1);

        var decision = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.10")).When(F.Allocate("eip-b"), settings);

        Assert.IsType<FipAllocated>(Assert.Single(decision.Events));
    }

    [Fact]
    public void Fips_held_in_other_pools_count_against_the_quota()
    {
        var settings = new FipSettings(new Dictionary<string, int>(), DefaultQuota: 2);

        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.10"))
            .When(F.Allocate("eip-b") with { HeldInOtherPools = 1 }, settings)
            .ThenRejected(ErrorCodes.QuotaExceeded);
    }

    [Fact]
    public void Another_projects_fips_do_not_count_against_the_quota()
    {
        var settings = new FipSettings(new Dictionary<string, int>(), DefaultQuota: 1);

        var decision = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.10", F.ProjectB)).When(F.Allocate("eip-b"), settings);

        Assert.IsType<FipAllocated>(Assert.Single(decision.Events));
    }

    [Fact]
    [Trait("rule", "COMMON-2")]
    public void The_same_request_twice_yields_the_same_fip_and_no_second_event()
    {
        var state = Spec.Given(F.Pool());
        state.Applied(state.When(F.Allocate("eip-a")));

        state.When(F.Allocate("eip-a")).ThenNothing();
        Assert.Equal("eip-a", state.FipForKey("key-eip-a"));
        Assert.Equal("172.35.0.10", state.Fip("eip-a")!.Address);
    }

    [Fact]
    public void An_idempotency_key_reused_for_another_project_is_refused() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.10"))
            .When(F.Allocate("eip-a", project: F.ProjectB))
            .ThenRejected(FipErrorCodes.IdempotencyKeyReused);

    [Fact]
    public void A_name_already_allocated_under_another_key_is_refused() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.10"))
            .When(F.Allocate("eip-a") with { IdempotencyKey = "other" })
            .ThenRejected(FipErrorCodes.FipAlreadyExists);

    [Fact]
    public void An_unknown_pool_is_refused_with_PoolNotFound() =>
        Spec.Given(F.Pool()).When(F.Allocate("eip-a") with { Pool = "other-net" }).ThenRejected(FipErrorCodes.PoolNotFound);

    [Fact]
    public void A_fip_name_that_is_not_a_dns_label_is_refused() =>
        Spec.Given(F.Pool()).When(F.Allocate("EIP_A")).ThenRejected(ErrorCodes.InvalidName);

    [Fact]
    public void A_released_address_can_be_allocated_again() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.10"), new FipReleased("eip-a", F.ProjectA, "172.35.0.10"))
            .When(F.Allocate("eip-b"))
            .ThenEvents(new FipAllocated("eip-b", F.ProjectA, "172.35.0.10", "key-eip-b"));
}
