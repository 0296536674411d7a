using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Ipam.Domain.Commands;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class PoolUpdateTests
{
    [Theory]
    [Trait("rule", "SUB-6")]
    [InlineData("cidrBlock")]
    [InlineData("vpc")]
    [InlineData("provider")]
    public void Cidr_vpc_and_provider_cannot_change(string field)
    {
        var command = field switch
        {
            "cidrBlock" => new UpdatePool(Subnet, T0, CidrBlock: "10.17.0.0/24"),
            "vpc" => new UpdatePool(Subnet, T0, Vpc: "vpc-b"),
            _ => new UpdatePool(Subnet, T0, Provider: "nad.default.ovn"),
        };
        var decision = WithPool().When(command);
        AssertRejected(decision, ErrorCodes.ImmutableField);
        Assert.Equal(field, decision.Error!.Field);
    }

    [Fact]
    [Trait("rule", "SUB-6")]
    public void Adding_and_removing_excludes_changes_what_is_allocatable()
    {
        var scenario = WithPool(excludes: ["10.16.0.2..10.16.0.9"]);
        Assert.Equal((UInt128)245, scenario.State.Usage(IpFamily.V4)!.Total);
        scenario.Accept(new UpdatePool(Subnet, T0, ExcludeIps: ["10.16.0.200..10.16.0.254"]));
        Assert.Equal((UInt128)198, scenario.State.Usage(IpFamily.V4)!.Total);
        Assert.Equal("10.16.0.2", scenario.Allocate("a").V4);
        AssertRejected(scenario.When(Alloc("b", "10.16.0.210")), IpamErrors.IpReservedCode);
    }

    [Fact]
    [Trait("rule", "SUB-6")]
    public void An_exclude_covering_an_allocated_address_is_refused_naming_the_holder()
    {
        var scenario = WithPool();
        scenario.Allocate("uid-1", "10.16.0.50");
        var decision = scenario.When(new UpdatePool(Subnet, T0, ExcludeIps: ["10.16.0.40..10.16.0.60"]));
        AssertRejected(decision, IpamErrors.IpConflictCode);
        Assert.Contains("uid-1", decision.Error!.Message);
        Assert.Equal("excludeIps", decision.Error.Field);
    }

    [Fact]
    [Trait("rule", "SUB-10")]
    public void ProjectIds_may_change_and_then_govern_allocation()
    {
        var scenario = WithPool();
        scenario.Accept(new UpdatePool(Subnet, T0, ProjectIds: ["team-a"]));
        AssertRejected(scenario.When(Alloc("uid-1", project: "p1")), ErrorCodes.Forbidden);
        Assert.Empty(scenario.When(new UpdatePool(Subnet, T0, ProjectIds: ["team-a"])).Events);
    }

    [Fact]
    [Trait("rule", "SUB-7")]
    public void The_gateway_cannot_change_while_addresses_are_allocated()
    {
        var scenario = WithPool();
        scenario.Allocate("uid-1");
        AssertRejected(scenario.When(new UpdatePool(Subnet, T0, Gateway: "10.16.0.254")), ErrorCodes.ImmutableField);
        scenario.Accept(Release("uid-1"));
        scenario.Accept(new UpdatePool(Subnet, T0, Gateway: "10.16.0.254"));
        Assert.Equal("10.16.0.1", scenario.Allocate("uid-2", "10.16.0.1").V4);
    }

    [Fact]
    [Trait("rule", "IPAM-1")]
    public void A_late_copy_of_an_older_announcement_decides_nothing_and_a_newer_one_applies()
    {
        var scenario = new Scenario();
        scenario.Accept(new CreatePool(Subnet, "10.16.0.0/24", T0, Generation: 5));
        Assert.IsType<PoolUpdated>(Assert.Single(scenario.Accept(new CreatePool(Subnet, "10.16.0.0/24", T0, ExcludeIps: ["10.16.0.200..10.16.0.210"], Generation: 9))));

        // The generation-5 announcement again (redelivered after the change): no roll-back of the excludes.
        Assert.Empty(scenario.Accept(new CreatePool(Subnet, "10.16.0.0/24", T0, Generation: 5)));
        Assert.Equal(["10.16.0.200..10.16.0.210"], scenario.State.ExcludeIps);
        Assert.Empty(scenario.Accept(new CreatePool(Subnet, "10.16.0.0/24", T0, ExcludeIps: ["10.16.0.200..10.16.0.210"], Generation: 9)));

        // A sender that does not order (generation 0) is applied as it comes.
        Assert.IsType<PoolUpdated>(Assert.Single(scenario.Accept(new CreatePool(Subnet, "10.16.0.0/24", T0, Generation: 0))));
        Assert.Empty(scenario.State.ExcludeIps);
    }

    [Fact]
    [Trait("rule", "IPAM-1")]
    public void A_late_announcement_does_not_bring_a_deleted_pool_back_but_a_recreated_subnet_does()
    {
        var scenario = new Scenario();
        scenario.Accept(new CreatePool(Subnet, "10.16.0.0/24", T0, Generation: 5));
        scenario.Accept(new RequestPoolDeletion(Subnet, T0));
        scenario.Accept(new ConfirmPoolDeletion(Subnet, T0));

        Assert.Empty(scenario.Accept(new CreatePool(Subnet, "10.16.0.0/24", T0, Generation: 5)));
        AssertRejected(scenario.When(Alloc("uid-1")), IpamErrors.PoolNotFoundCode);

        Assert.IsType<PoolCreated>(Assert.Single(scenario.Accept(new CreatePool(Subnet, "10.16.0.0/24", T0, Generation: 12))));
        Assert.Equal("10.16.0.2", scenario.Allocate("uid-1").V4);
    }

    [Fact]
    [Trait("rule", "IPAM-1")]
    public void The_generation_survives_a_snapshot()
    {
        var scenario = new Scenario();
        scenario.Accept(new CreatePool(Subnet, "10.16.0.0/24", T0, ExcludeIps: ["10.16.0.9"], Generation: 7));
        var restored = Mesh.Ipam.Domain.Pools.SubnetPool.FromSnapshot(scenario.State.ToSnapshot());
        Assert.Equal(7, restored.Generation);
        var stale = IpamDecider.Create(restored, new CreatePool(Subnet, "10.16.0.0/24", T0, Generation: 6));
        Assert.False(stale.IsRejected);
        Assert.Empty(stale.Events);
    }
}
