namespace Mesh.Fip.Domain.Tests;

[Trait("rule", "FIP-6")]
public class ReclaimSpecs
{
    private static readonly FipAssociated EipOnPod = F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5");
    private static readonly FipAssociated DnatOnPod = F.Dnat("dnat-web", "eip-b", "172.35.0.18", "10.0.1.5", 80, 80);

    private static FipPoolState WithRules() => Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"),
        F.Allocated("eip-b", "172.35.0.18"), EipOnPod, DnatOnPod);

    [Fact]
    public void Releasing_the_internal_address_removes_every_rule_on_it_and_keeps_the_fips()
    {
        var state = WithRules();
        var release = F.Released("10.0.1.5");

        var decision = state.When(release);

        decision.ThenEvents(
            FipDisassociated.Of(DnatOnPod.Rule, DisassociationReason.TargetReleased),
            FipDisassociated.Of(EipOnPod.Rule, DisassociationReason.TargetReleased),
            new TargetReleaseRecorded("10.0.1.5", "pod-uid-1", 1, release.EventId, "subnet-a"));
        state.Applied(decision);
        Assert.Empty(state.Rules);
        Assert.Equal(F.ProjectA, state.Fip("eip-a")!.Project);
        Assert.Equal(F.ProjectA, state.Fip("eip-b")!.Project);
    }

    [Fact]
    public void A_release_delivered_twice_appends_nothing_the_second_time()
    {
        var state = WithRules();
        state.Applied(state.When(F.Released("10.0.1.5")));

        state.When(F.Released("10.0.1.5")).ThenNothing();
    }

    [Fact]
    public void A_release_of_an_address_without_rules_is_remembered()
    {
        var release = F.Released("10.0.1.9");

        Spec.Given(F.Pool()).When(release)
            .ThenEvents(new TargetReleaseRecorded("10.0.1.9", "pod-uid-1", 1, release.EventId, "subnet-a"));
    }

    [Fact]
    public void An_association_arriving_after_the_release_of_its_allocation_is_refused()
    {
        var state = Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"));
        state.Applied(state.When(F.Released("10.0.1.5", gen: 3)));

        state.When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5", generation: 3)))
            .ThenRejected(FipErrorCodes.TargetNotAllocated);
    }

    [Fact]
    public void An_association_for_an_allocation_older_than_a_seen_release_is_refused() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), new TargetReleaseRecorded("10.0.1.5", "pod-uid-2", 5, Guid.Empty, "subnet-a"))
            .When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5", generation: 4)))
            .ThenRejected(FipErrorCodes.TargetNotAllocated);

    [Fact]
    public void A_newer_allocation_of_a_released_address_may_be_associated() =>
        Assert.Single(Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), new TargetReleaseRecorded("10.0.1.5", "pod-uid-1", 1, Guid.Empty, "subnet-a"))
            .When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5", generation: 2, owner: "pod-uid-2")))
            .Events);

    [Fact]
    public void A_late_release_of_an_older_allocation_leaves_the_newer_allocations_rules()
    {
        var newer = F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5", gen: 7, owner: "pod-uid-2");

        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), newer)
            .When(F.Released("10.0.1.5", gen: 5))
            .ThenNothing();
    }

    [Fact]
    public void A_late_release_removes_only_the_rules_of_the_allocation_it_ends()
    {
        var old = F.Snat("snat-old", "eip-b", "172.35.0.18", "10.0.1.5", gen: 5);
        var newer = F.Dnat("dnat-new", "eip-b", "172.35.0.18", "10.0.1.5", 80, 80, gen: 7, owner: "pod-uid-2");

        Spec.Given(F.Pool(), F.Allocated("eip-b", "172.35.0.18"), old, newer)
            .When(F.Released("10.0.1.5", gen: 5))
            .ThenEvents(FipDisassociated.Of(old.Rule, DisassociationReason.TargetReleased));
    }

    [Fact]
    public void An_association_for_an_allocation_older_than_an_existing_rule_is_refused() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), F.Allocated("eip-b", "172.35.0.18"),
                F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5", gen: 7, owner: "pod-uid-2"))
            .When(new AssociateDnat("dnat-web", "eip-b", F.ProjectA, "tcp", 80, "10.0.1.5", 80, F.Target("10.0.1.5", generation: 5)))
            .ThenRejected(FipErrorCodes.TargetNotAllocated);

    [Fact]
    public void A_release_with_a_malformed_address_is_refused() =>
        Spec.Given(F.Pool()).When(new ReleaseTarget("10.0.1", "pod-uid-1", Guid.Empty, 1, "subnet-a")).ThenRejected(FipErrorCodes.InvalidIp);

    [Fact]
    [Trait("rule", "POOL-1")]
    public void Releasing_the_same_address_in_another_pool_leaves_the_rules_and_the_lease_of_this_one()
    {
        // The overlay net192 and the underlay ibnics both hold 192.168.100.x: an SR-IOV release with a higher
        // generation of its own pool is another address.
        var state = WithRules();
        var underlay = F.Released("10.0.1.5", gen: 9, owner: "vf-pod", subnet: "sriov.mlxnics.10-0-1-0-24");

        var decision = state.When(underlay);

        Assert.DoesNotContain(decision.Events, e => e is FipDisassociated);
        state.Applied(decision);
        Assert.Equal(2, state.Rules.Count);
        Assert.Equal(new AddressLease("pod-uid-1", 1, false), state.Lease("subnet-a", "10.0.1.5"));
        Assert.Equal(new AddressLease("vf-pod", 9, true), state.Lease("sriov.mlxnics.10-0-1-0-24", "10.0.1.5"));
        state.When(F.Released("10.0.1.5")).ThenEvents(
            FipDisassociated.Of(DnatOnPod.Rule, DisassociationReason.TargetReleased),
            FipDisassociated.Of(EipOnPod.Rule, DisassociationReason.TargetReleased),
            new TargetReleaseRecorded("10.0.1.5", "pod-uid-1", 1, F.Released("10.0.1.5").EventId, "subnet-a"));
    }
}
