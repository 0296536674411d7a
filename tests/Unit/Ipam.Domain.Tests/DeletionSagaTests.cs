using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class DeletionSagaTests
{
    [Fact]
    [Trait("rule", "SUB-9")]
    public void A_pool_with_allocations_refuses_deletion_with_the_count_and_five_holders()
    {
        var scenario = WithPool();
        for (var i = 0; i < 7; i++)
        {
            scenario.Allocate($"uid-{i}");
        }
        var decision = scenario.When(new RequestPoolDeletion(Subnet, T0));
        AssertRejected(decision, IpamErrors.SubnetInUseCode);
        Assert.Contains("7 allocated", decision.Error!.Message);
        Assert.Contains("uid-4", decision.Error.Message);
        Assert.DoesNotContain("uid-5", decision.Error.Message);
        Assert.Equal(PoolStatus.Open, scenario.State.Status);
    }

    [Fact]
    [Trait("rule", "SUB-9")]
    public void An_empty_pool_closes_refuses_allocations_and_is_deleted_on_confirmation()
    {
        var scenario = WithPool();
        Assert.IsType<PoolDeletionRequested>(Assert.Single(scenario.Accept(new RequestPoolDeletion(Subnet, T0))));
        Assert.Empty(scenario.Accept(new RequestPoolDeletion(Subnet, T0)));
        AssertRejected(scenario.When(Alloc("uid-1")), IpamErrors.SubnetClosingCode);
        Assert.IsType<PoolDeleted>(Assert.Single(scenario.Accept(new ConfirmPoolDeletion(Subnet, T0))));
        Assert.Empty(scenario.Accept(new ConfirmPoolDeletion(Subnet, T0)));
        AssertRejected(scenario.When(Alloc("uid-1")), IpamErrors.PoolNotFoundCode);
    }

    [Fact]
    [Trait("rule", "SUB-9")]
    public void An_aborted_deletion_opens_the_pool_again()
    {
        var scenario = WithPool();
        scenario.Accept(new RequestPoolDeletion(Subnet, T0));
        Assert.IsType<PoolDeletionAborted>(Assert.Single(scenario.Accept(new AbortPoolDeletion(Subnet, T0))));
        Assert.Empty(scenario.Accept(new AbortPoolDeletion(Subnet, T0)));
        Assert.Equal("10.16.0.2", scenario.Allocate("uid-1").V4);
    }

    [Fact]
    [Trait("rule", "SUB-9")]
    public void Confirming_without_a_request_is_refused() =>
        AssertRejected(WithPool().When(new ConfirmPoolDeletion(Subnet, T0)), IpamErrors.PoolNotClosingCode);

    [Fact]
    [Trait("rule", "SUB-9")]
    public void A_deleted_subnet_can_be_announced_again()
    {
        var scenario = WithPool();
        scenario.Accept(new RequestPoolDeletion(Subnet, T0));
        scenario.Accept(new ConfirmPoolDeletion(Subnet, T0));
        scenario.Accept(new CreatePool(Subnet, "10.20.0.0/24", T0));
        Assert.Equal("10.20.0.2", scenario.Allocate("uid-1").V4);
    }
}
