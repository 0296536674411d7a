using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class PoolCreationTests
{
    [Fact]
    [Trait("rule", "IPAM-1")]
    public void A_subnet_announcement_creates_an_open_pool_with_the_default_gateway()
    {
        var events = new Scenario().Accept(new CreatePool("net1", "10.16.0.0/16", T0));
        var created = Assert.IsType<PoolCreated>(Assert.Single(events));
        Assert.Equal("10.16.0.1", created.Gateway);
        Assert.Equal("ovn", created.Provider);
        Assert.Equal("ovn-cluster", created.Vpc);
    }

    [Fact]
    [Trait("rule", "IPAM-1")]
    public void Repeating_the_same_announcement_appends_nothing()
    {
        var scenario = WithPool();
        var again = scenario.When(new CreatePool(Subnet, "10.16.0.0/24", T0));
        Assert.False(again.IsRejected);
        Assert.Empty(again.Events);
    }

    [Fact]
    [Trait("rule", "IPAM-2")]
    public void A_slash_24_with_only_the_gateway_excluded_has_253_allocatable_addresses()
    {
        var usage = WithPool().State.Usage(IpFamily.V4)!;
        Assert.Equal((UInt128)253, usage.Total);
        Assert.Equal((UInt128)253, usage.Free);
    }

    [Fact]
    [Trait("rule", "IPAM-2")]
    public void Exclude_ranges_and_single_addresses_are_never_allocatable()
    {
        var scenario = WithPool(excludes: ["10.16.0.2..10.16.0.11", "10.16.0.200"]);
        Assert.Equal((UInt128)242, scenario.State.Usage(IpFamily.V4)!.Total);
        Assert.Equal("10.16.0.12", scenario.Allocate("a").V4);
    }

    [Fact]
    [Trait("rule", "IPAM-1")]
    public void An_IPv6_pool_reserves_only_the_network_address_and_the_gateway()
    {
        var usage = WithPool("fd00:10:16::/120").State.Usage(IpFamily.V6)!;
        Assert.Equal((UInt128)254, usage.Total);
    }

    [Theory]
    [Trait("rule", "SUB-2")]
    [InlineData("10.16.0.1/24", "10.16.0.0/24")]
    [InlineData("fd00::1/64", "fd00::/64")]
    public void A_cidr_with_host_bits_is_refused_with_the_normalised_form(string cidr, string normalised)
    {
        var decision = new Scenario().When(new CreatePool("net1", cidr, T0));
        AssertRejected(decision, IpamErrors.InvalidCidrCode);
        Assert.Contains(normalised, decision.Error!.Message);
    }

    [Theory]
    [Trait("rule", "SUB-7")]
    [InlineData("10.16.0.5/32")]
    [InlineData("fd00::5/128")]
    [InlineData("not-a-cidr")]
    public void Cidrs_without_room_for_a_pod_or_malformed_are_refused(string cidr) =>
        AssertRejected(new Scenario().When(new CreatePool("net1", cidr, T0)), IpamErrors.InvalidCidrCode);

    [Theory]
    [Trait("rule", "SUB-7")]
    [InlineData("10.17.0.1", null, IpamErrors.IpOutOfRangeCode)]
    [InlineData("10.16.0.0", null, IpamErrors.InvalidIpCode)]
    [InlineData("10.16.0.255", null, IpamErrors.InvalidIpCode)]
    [InlineData(null, "10.16.1.1", IpamErrors.IpOutOfRangeCode)]
    [InlineData(null, "10.16.0.9..10.16.0.3", IpamErrors.InvalidIpCode)]
    public void Gateways_and_excludes_must_lie_inside_the_cidr(string? gateway, string? exclude, string code)
    {
        var command = new CreatePool("net1", "10.16.0.0/24", T0, Gateway: gateway, ExcludeIps: exclude is null ? null : [exclude]);
        AssertRejected(new Scenario().When(command), code);
    }

    [Fact]
    [Trait("rule", "COMMON-1")]
    public void A_subnet_name_that_is_not_a_dns_label_is_refused() =>
        AssertRejected(new Scenario().When(new CreatePool("Net_1", "10.16.0.0/24", T0)), ErrorCodes.InvalidName);

    [Fact]
    [Trait("rule", "IPAM-1")]
    public void Commands_on_a_pool_never_announced_are_refused_with_PoolNotFound() =>
        AssertRejected(new Scenario().When(Alloc("a")), IpamErrors.PoolNotFoundCode);

    [Fact]
    public void Event_type_names_are_versioned_and_cover_every_event()
    {
        Assert.Equal("ipam.ip-allocated.v1", IpamEventTypes.Names[typeof(IpAllocated)]);
        Assert.Equal("subnet-pool-net1", IpamEventTypes.StreamId("net1"));
        var eventTypes = typeof(IpAllocated).Assembly.GetTypes()
            .Where(t => t.Namespace == "Mesh.Ipam.Domain" && t.IsSealed && t.Name != nameof(IpamErrors)
                && t.GetMethod("<Clone>$") is not null);
        Assert.All(eventTypes, t => Assert.True(IpamEventTypes.Names.ContainsKey(t), t.Name));
        Assert.All(IpamEventTypes.Names.Values, n => Assert.Matches("^ipam\\.[a-z-]+\\.v[0-9]+$", n));
    }

    [Fact]
    public void The_decider_does_not_change_the_state_it_reads()
    {
        var scenario = WithPool();
        var before = (scenario.State.Version, scenario.State.Usage(IpFamily.V4));
        var decision = IpamDecider.Decide(scenario.State, Alloc("a"));
        Assert.NotEmpty(decision.Events);
        Assert.Equal(before, (scenario.State.Version, scenario.State.Usage(IpFamily.V4)));
        Assert.Equal(PoolStatus.Open, scenario.State.Status);
    }
}
