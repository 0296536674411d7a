using Mesh.Contracts;
using Mesh.Ipam.Domain.Commands;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class AllocationTests
{
    [Fact]
    [Trait("rule", "IPAM-3")]
    public void A_pod_gets_the_lowest_free_address_and_the_event_names_pod_node_and_interface()
    {
        var allocated = WithPool().Allocate("uid-1");
        Assert.Equal("10.16.0.2", allocated.V4);
        Assert.Null(allocated.V6);
        Assert.Equal(("uid-1", "eth0", "default", "pod-uid-1", "node1", "p1", "ovn"),
            (allocated.PodUid, allocated.Interface, allocated.PodNamespace, allocated.PodName, allocated.Node, allocated.Project, allocated.Provider));
        Assert.False(allocated.Static);
    }

    [Fact]
    [Trait("rule", "IPAM-4")]
    public void The_same_owner_asking_again_gets_the_same_address_and_no_new_event()
    {
        var scenario = WithPool();
        var first = scenario.Allocate("uid-1");
        var again = scenario.When(Alloc("uid-1"));
        Assert.False(again.IsRejected);
        Assert.Empty(again.Events);
        Assert.Equal(first.V4, scenario.State.AllocationOf("uid-1", "eth0")!.V4);
    }

    [Fact]
    [Trait("rule", "IPAM-4")]
    public void Each_interface_of_a_pod_is_a_separate_owner()
    {
        var scenario = WithPool();
        var eth0 = scenario.Allocate(Alloc("uid-1"));
        var net1 = scenario.Allocate(Alloc("uid-1", iface: "net1"));
        Assert.NotEqual(eth0.V4, net1.V4);
        Assert.Equal(2, scenario.State.AllocationsOf("uid-1").Count());
    }

    [Fact]
    [Trait("rule", "IPAM-4")]
    public void A_new_pod_with_a_reused_name_is_a_new_owner()
    {
        var scenario = WithPool();
        var old = scenario.Allocate(Alloc("uid-1") with { PodName = "web-0" });
        var reused = scenario.Allocate(Alloc("uid-2") with { PodName = "web-0" });
        Assert.NotEqual(old.V4, reused.V4);
    }

    [Fact]
    [Trait("rule", "IPAM-5")]
    public void A_free_static_address_is_given_and_marked_static()
    {
        var allocated = WithPool().Allocate("uid-1", "10.16.0.15");
        Assert.Equal("10.16.0.15", allocated.V4);
        Assert.True(allocated.Static);
    }

    [Fact]
    [Trait("rule", "IPAM-5")]
    public void A_static_address_with_a_prefix_as_in_the_nad_ips_annotation_is_accepted() =>
        Assert.Equal("10.16.0.100", WithPool().Allocate("uid-1", "10.16.0.100/24").V4);

    [Fact]
    [Trait("rule", "IPAM-5")]
    public void A_static_address_held_by_another_pod_is_refused_naming_the_holder()
    {
        var scenario = WithPool();
        scenario.Allocate("uid-1", "10.16.0.15");
        var decision = scenario.When(Alloc("uid-2", "10.16.0.15"));
        AssertRejected(decision, IpamErrors.IpConflictCode);
        Assert.Contains("default/pod-uid-1", decision.Error!.Message);
        Assert.Contains("uid-1", decision.Error.Message);
        Assert.Equal("ipAddress", decision.Error.Field);
    }

    [Theory]
    [Trait("rule", "IPAM-5")]
    [InlineData("10.17.0.5", IpamErrors.IpOutOfRangeCode)]
    [InlineData("fd00::5", IpamErrors.IpOutOfRangeCode)]
    [InlineData("10.16.0.1", IpamErrors.IpReservedCode)]
    [InlineData("10.16.0.0", IpamErrors.IpReservedCode)]
    [InlineData("10.16.0.255", IpamErrors.IpReservedCode)]
    [InlineData("10.16.0.20", IpamErrors.IpReservedCode)]
    [InlineData("10.16.0", IpamErrors.InvalidIpCode)]
    [InlineData("10.16.0.5,10.16.0.6", IpamErrors.InvalidIpCode)]
    public void A_static_address_outside_the_cidr_reserved_or_malformed_is_refused(string ip, string code) =>
        AssertRejected(WithPool(excludes: ["10.16.0.20..10.16.0.30"]).When(Alloc("uid-1", ip)), code);

    [Fact]
    [Trait("rule", "IPAM-4")]
    public void An_owner_asking_for_a_different_static_address_than_it_holds_is_refused()
    {
        var scenario = WithPool();
        scenario.Allocate("uid-1");
        AssertRejected(scenario.When(Alloc("uid-1", "10.16.0.50")), IpamErrors.IpConflictCode);
    }

    [Fact]
    [Trait("rule", "SUB-10")]
    public void A_subnet_restricted_to_other_projects_refuses_with_Forbidden()
    {
        var scenario = WithPool(projects: ["team-a"]);
        AssertRejected(scenario.When(Alloc("uid-1", project: "team-b")), ErrorCodes.Forbidden);
        Assert.Equal("10.16.0.2", scenario.Allocate(Alloc("uid-2", project: "team-a")).V4);
    }

    [Fact]
    [Trait("rule", "IPAM-3")]
    public void An_interface_of_another_provider_is_refused()
    {
        var scenario = WithPool(provider: "attachnet.default.ovn");
        AssertRejected(scenario.When(Alloc("uid-1") with { Provider = "ovn" }), IpamErrors.ProviderMismatchCode);
        Assert.Equal("attachnet.default.ovn", scenario.Allocate(Alloc("uid-2", iface: "net1") with { Provider = "attachnet.default.ovn" }).Provider);
    }

    [Theory]
    [Trait("rule", "COMMON-3")]
    [InlineData("", "podUid")]
    [InlineData("node", "node")]
    public void A_command_without_uid_or_node_is_refused_naming_the_field(string blank, string field)
    {
        var command = blank == "" ? Alloc("") : Alloc("uid-1") with { Node = "" };
        var decision = WithPool().When(command);
        AssertRejected(decision, ErrorCodes.MissingField);
        Assert.Equal(field, decision.Error!.Field);
    }
}
