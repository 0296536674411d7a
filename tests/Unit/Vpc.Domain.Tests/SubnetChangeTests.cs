using Mesh.Contracts;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

/// <summary>
/// POOL-2: a subnet change the IPAM service applies too is agreed before it is committed: the spec in force
/// changes only with IPAM's acceptance, a refusal leaves it (and says why), and nothing else changes the subnet meanwhile.
/// </summary>
[Trait("rule", "POOL-2")]
public class SubnetChangeTests
{
    private static readonly Guid Saga = Guid.Parse("7b0c1c4e-0000-4000-8000-000000000001");

    private static (Topology State, SubnetChangeRequested Requested) Requested(SubnetSpec change)
    {
        var state = Spec.GivenTestVpc2();
        var requested = Spec.Single<SubnetChangeRequested>(Spec.Accepted(state, new ApplySubnet("net192", change, Saga)));
        state.Apply(requested);
        return (state, requested);
    }

    [Fact]
    public void An_excludeIps_change_waits_for_IPAM_and_the_old_spec_stays_in_force()
    {
        var before = Spec.GivenTestVpc2().Subnets["net192"].Definition;
        var (state, requested) = Requested(Spec.Net192 with { ExcludeIps = ["192.168.100.20..192.168.100.29"] });

        Assert.Equal(Saga, requested.SagaId);
        Assert.Contains("192.168.100.20..192.168.100.29", requested.Subnet.ExcludeIps);
        Assert.Equal(before, state.Subnets["net192"].Definition);
        Assert.Same(requested, state.Subnets["net192"].PendingChange);
    }

    [Fact]
    public void IPAMs_acceptance_commits_the_change_and_a_repeated_acceptance_changes_nothing()
    {
        var (state, requested) = Requested(Spec.Net192 with { Namespaces = ["team-a"] });

        var committed = Spec.Single<SubnetUpdated>(Spec.Accepted(state, new ConfirmSubnetChange("net192", Saga)));
        state.Apply(committed);

        Assert.Equal(requested.Subnet, state.Subnets["net192"].Definition);
        Assert.Empty(Spec.Accepted(state, new ConfirmSubnetChange("net192", Saga)));
    }

    [Fact]
    public void IPAMs_refusal_drops_the_change_and_keeps_its_reason_naming_the_holder()
    {
        var before = Spec.GivenTestVpc2().Subnets["net192"].Definition;
        var (state, _) = Requested(Spec.Net192 with { ExcludeIps = ["192.168.100.20..192.168.100.29"] });

        var aborted = Spec.Single<SubnetChangeAborted>(Spec.Accepted(state, new AbortSubnetChange("net192", Saga, "IpConflict",
            "excludeIps '192.168.100.23' is held by pod default/vm-1", "excludeIps", "192.168.100.23", "release it first")));
        state.Apply(aborted);

        Assert.Equal(before, state.Subnets["net192"].Definition);
        Assert.Null(state.Subnets["net192"].PendingChange);
        Assert.Contains("vm-1", state.Subnets["net192"].LastChangeAbort!.Message);
        Assert.Empty(Spec.Accepted(state, new ConfirmSubnetChange("net192", Saga)));
    }

    [Fact]
    public void An_answer_of_another_agreement_settles_nothing()
    {
        var (state, _) = Requested(Spec.Net192 with { Namespaces = ["team-a"] });

        Assert.Empty(Spec.Accepted(state, new ConfirmSubnetChange("net192", Guid.NewGuid())));
        Assert.Empty(Spec.Accepted(state, new AbortSubnetChange("net192", Guid.NewGuid(), "IpConflict", "stale")));
        Assert.NotNull(state.Subnets["net192"].PendingChange);
    }

    [Fact]
    public void While_a_change_waits_another_change_and_the_deletion_are_refused_and_the_same_change_again_is_nothing()
    {
        var change = Spec.Net192 with { Namespaces = ["team-a"] };
        var (state, _) = Requested(change);

        var error = Spec.Rejected(state, new ApplySubnet("net192", Spec.Net192 with { Namespaces = ["team-b"] }, Guid.NewGuid()), VpcErrorCodes.SubnetBeingChanged);
        Assert.Contains(Saga.ToString(), error.Message);
        Spec.Rejected(state, new RequestSubnetDeletion("net192", Guid.NewGuid()), VpcErrorCodes.SubnetBeingChanged);
        Assert.Empty(Spec.Accepted(state, new ApplySubnet("net192", change, Guid.NewGuid())));
    }

    [Fact]
    public void A_change_IPAM_does_not_apply_is_committed_at_once()
    {
        var state = Spec.GivenTestVpc2();

        var updated = Spec.Single<SubnetUpdated>(Spec.Accepted(state, new ApplySubnet("net192", Spec.Net192 with { Private = true }, Saga)));

        Assert.True(updated.Subnet.Private);
    }
}
