namespace Mesh.Fip.Domain.Tests;

[Trait("rule", "FIP-7")]
public class ReleaseSpecs
{
    private static readonly FipAssociated Snat = F.Snat("snat-pod", "eip-a", "172.35.0.20", "10.0.1.5");
    private static readonly FipAssociated Dnat = F.Dnat("dnat-web", "eip-a", "172.35.0.20", "10.0.1.5", 80, 80);

    [Fact]
    public void Releasing_a_fip_without_rules_returns_it_to_the_pool()
    {
        var state = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"));

        var decision = state.When(new ReleaseFip("eip-a", F.ProjectA));

        decision.ThenEvents(new FipReleased("eip-a", F.ProjectA, "172.35.0.20"));
        Assert.Null(state.Applied(decision).Fip("eip-a"));
        Assert.Equal((UInt128)10, state.FreeRanges().Count);
    }

    [Fact]
    public void Releasing_a_fip_with_rules_is_refused_naming_them()
    {
        var error = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), Snat, Dnat)
            .When(new ReleaseFip("eip-a", F.ProjectA))
            .ThenRejected(FipErrorCodes.FipHasRules);

        Assert.Contains("snat-pod", error.Message);
        Assert.Contains("dnat-web", error.Message);
        Assert.Contains("cascade", error.Remedy);
    }

    [Fact]
    public void A_cascading_release_removes_the_rules_first_then_the_fip() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), Snat, Dnat)
            .When(new ReleaseFip("eip-a", F.ProjectA, Cascade: true))
            .ThenEvents(
                FipDisassociated.Of(Dnat.Rule, DisassociationReason.FipReleased),
                FipDisassociated.Of(Snat.Rule, DisassociationReason.FipReleased),
                new FipReleased("eip-a", F.ProjectA, "172.35.0.20"));

    [Fact]
    public void Releasing_a_released_fip_appends_nothing() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), new FipReleased("eip-a", F.ProjectA, "172.35.0.20"))
            .When(new ReleaseFip("eip-a", F.ProjectA))
            .ThenNothing();

    [Fact]
    public void Releasing_an_unknown_fip_is_refused_with_FipNotFound() =>
        Spec.Given(F.Pool()).When(new ReleaseFip("eip-x", F.ProjectA)).ThenRejected(FipErrorCodes.FipNotFound);

    [Fact]
    [Trait("rule", "COMMON-5")]
    public void Another_project_cannot_release_the_fip() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"))
            .When(new ReleaseFip("eip-a", F.ProjectB))
            .ThenRejected(ErrorCodes.Forbidden);

    [Fact]
    [Trait("rule", "COMMON-5")]
    public void The_administrator_may_release_any_projects_fip() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"))
            .When(new ReleaseFip("eip-a", F.ProjectB, Admin: true))
            .ThenEvents(new FipReleased("eip-a", F.ProjectA, "172.35.0.20"));
}
