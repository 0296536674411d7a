using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

[Trait("rule", "SUB-9")]
public class SubnetDeletionTests
{
    [Fact]
    public void Deletion_is_requested_then_confirmed_by_ipam_and_frees_the_cidr()
    {
        var state = Spec.GivenTestVpc2();
        var requested = Spec.Single<SubnetDeletionRequested>(Spec.Accepted(state, new RequestSubnetDeletion("net192")));
        Assert.Equal("192.168.100.0/24", requested.Subnet.CidrBlock);
        state.Apply(requested);
        Assert.Empty(Spec.Accepted(state, new RequestSubnetDeletion("net192")));
        var deleted = Spec.Single<SubnetDeleted>(Spec.Accepted(state, new ConfirmSubnetDeletion("net192")));
        state.Apply(deleted);
        Assert.Empty(Spec.Accepted(state, new ConfirmSubnetDeletion("net192")));
        Assert.False(state.Subnets.ContainsKey("net192"));
        Spec.Accepted(state, Spec.Subnet("again", "192.168.100.0/24", "test-vpc2"));
    }

    [Fact]
    public void A_subnet_with_allocated_addresses_is_refused_with_the_count()
    {
        var state = Spec.GivenTestVpc2(new RecordSubnetUsage("net192", new SubnetUsage(250, 3, 0, 0)));
        var error = Spec.Rejected(state, new RequestSubnetDeletion("net192"), VpcErrorCodes.SubnetInUse);
        Assert.Contains("3", error.Message);
    }

    [Fact]
    public void Ipam_aborts_when_it_still_holds_addresses_and_the_subnet_stays()
    {
        var state = Spec.GivenTestVpc2(new RequestSubnetDeletion("net192"));
        var aborted = Spec.Single<SubnetDeletionAborted>(Spec.Accepted(state, new AbortSubnetDeletion("net192", 2, ["default/web-0", "default/web-1"])));
        state.Apply(aborted);
        Assert.False(state.Subnets["net192"].Deleting);
        Assert.Empty(Spec.Accepted(state, new AbortSubnetDeletion("net192", 2, [])));
        var error = TopologyErrors.SubnetInUse("net192", aborted.AllocatedCount, aborted.Holders);
        Assert.Contains("default/web-0", error.Message);
    }

    [Fact]
    public void A_subnet_being_deleted_refuses_updates_and_new_nat_gateways()
    {
        var state = Spec.GivenTestVpc2(new RequestSubnetDeletion("net192"));
        Spec.Rejected(state, new ApplySubnet("net192", Spec.Net192 with { NatOutgoing = false }), VpcErrorCodes.SubnetBeingDeleted);
        Spec.Rejected(state, new ApplyNatGateway("gw", new VpcNatGatewaySpec { Vpc = "test-vpc2", Subnet = "net192", LanIp = "192.168.100.254" }),
            VpcErrorCodes.SubnetBeingDeleted);
    }

    [Fact]
    public void Confirming_without_a_request_is_refused_and_unknown_subnets_are_not_found()
    {
        var state = Spec.GivenTestVpc2();
        Spec.Rejected(state, new ConfirmSubnetDeletion("net192"), VpcErrorCodes.SubnetDeletionNotRequested);
        Spec.Rejected(state, new RequestSubnetDeletion("nope"), VpcErrorCodes.SubnetNotFound);
    }

    [Fact]
    public void A_subnet_holding_a_nat_gateway_lan_ip_cannot_be_deleted()
    {
        var state = Spec.GivenTestVpc2(new ApplyNatGateway("gw", new VpcNatGatewaySpec { Vpc = "test-vpc2", Subnet = "net192", LanIp = "192.168.100.254" }));
        var error = Spec.Rejected(state, new RequestSubnetDeletion("net192"), VpcErrorCodes.SubnetInUse);
        Assert.Contains("gw", error.Message);
    }

    [Fact]
    public void Usage_reports_are_recorded_once_and_stale_ones_ignored()
    {
        var state = Spec.GivenTestVpc2();
        var usage = new SubnetUsage(250, 3, 0, 0);
        state.Apply(Spec.Single<SubnetUsageChanged>(Spec.Accepted(state, new RecordSubnetUsage("net192", usage))));
        Assert.Equal(usage, state.Subnets["net192"].Usage);
        Assert.Empty(Spec.Accepted(state, new RecordSubnetUsage("net192", usage)));
        Assert.Empty(Spec.Accepted(state, new RecordSubnetUsage("gone", usage)));
    }

    [Fact]
    public void A_usage_report_read_at_an_older_pool_version_never_rolls_the_status_back()
    {
        var state = Spec.GivenTestVpc2();
        var newer = new SubnetUsage(240, 13, 0, 0);
        state.Apply(Spec.Single<SubnetUsageChanged>(Spec.Accepted(state, new RecordSubnetUsage("net192", newer, PoolVersion: 40))));
        // A copy read at version 30 arrives late (two consumers, a redelivery): it records nothing.
        Assert.Empty(Spec.Accepted(state, new RecordSubnetUsage("net192", new SubnetUsage(250, 3, 0, 0), PoolVersion: 30)));
        Assert.Equal(newer, state.Subnets["net192"].Usage);
        var latest = new SubnetUsage(239, 14, 0, 0);
        state.Apply(Spec.Single<SubnetUsageChanged>(Spec.Accepted(state, new RecordSubnetUsage("net192", latest, PoolVersion: 41))));
        Assert.Equal(latest, state.Subnets["net192"].Usage);
    }

    [Fact]
    public void Every_step_carries_the_saga_id_and_an_answer_of_another_saga_changes_nothing()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var state = Spec.GivenTestVpc2(new RequestSubnetDeletion("net192", first));
        Assert.Equal(first, state.Subnets["net192"].DeletionSaga);
        state.Apply(Spec.Accepted(state, new AbortSubnetDeletion("net192", 1, ["default/web-0"], first)));
        Assert.Equal(first, state.Subnets["net192"].LastAbort!.SagaId);

        state.Apply(Spec.Accepted(state, new RequestSubnetDeletion("net192", second)));
        Assert.Empty(Spec.Accepted(state, new AbortSubnetDeletion("net192", 1, ["default/web-0"], first)));
        Assert.Empty(Spec.Accepted(state, new ConfirmSubnetDeletion("net192", first)));
        Assert.True(state.Subnets["net192"].Deleting);

        var deleted = Spec.Single<SubnetDeleted>(Spec.Accepted(state, new ConfirmSubnetDeletion("net192", second)));
        Assert.Equal(second, deleted.SagaId);
    }
}
