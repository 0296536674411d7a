using Mesh.Contracts;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

public class RouteTests
{
    private static ApplyVpc WithRoutes(IReadOnlyList<StaticRoute>? statics = null, IReadOnlyList<PolicyRoute>? policies = null) =>
        new("test-vpc2", Spec.TestVpc2 with { StaticRoutes = statics, PolicyRoutes = policies });

    [Fact]
    [Trait("rule", "RT-1")]
    public void A_static_route_via_a_subnet_address_or_the_external_gateway_is_accepted_with_policyDst_by_default()
    {
        var state = Spec.GivenTestVpc2();
        var updated = Spec.Single<VpcUpdated>(Spec.Accepted(state, WithRoutes([new("10.99.0.0/16", "192.168.100.10"), new("0.0.0.0/0", "172.110.0.1", "policySrc")])));
        Assert.Equal(new StaticRoute("10.99.0.0/16", "192.168.100.10", "policyDst"), updated.Spec.StaticRoutes![0]);
    }

    [Theory]
    [Trait("rule", "RT-1")]
    [InlineData("10.99.0.0/16", "10.200.0.1", null, ErrorCodes.InvalidField)]
    [InlineData("10.99.0.1/16", "192.168.100.10", null, VpcErrorCodes.InvalidCidr)]
    [InlineData("10.99.0.0/16", "192.168.100.10", "policyAny", ErrorCodes.InvalidField)]
    public void A_static_route_with_an_unreachable_next_hop_or_bad_fields_is_refused(string cidr, string nextHop, string? policy, string code) =>
        Spec.Rejected(Spec.GivenTestVpc2(), WithRoutes([new(cidr, nextHop, policy)]), code);

    [Fact]
    [Trait("rule", "RT-2")]
    public void Policy_routes_are_accepted_with_allow_drop_and_reroute()
    {
        var decision = Spec.Accepted(Spec.GivenTestVpc2(), WithRoutes(policies:
            [new(31000, "ip4.dst == 10.0.0.0/8", "drop"), new(100, "ip4.src == 192.168.100.0/24", "reroute", "192.168.100.10"), new(0, "1", "allow")]));
        Assert.Equal(3, Spec.Single<VpcUpdated>(decision).Spec.PolicyRoutes!.Count);
    }

    [Theory]
    [Trait("rule", "RT-2")]
    [InlineData(32768, "ip4", "allow", null, ErrorCodes.InvalidField)]
    [InlineData(-1, "ip4", "allow", null, ErrorCodes.InvalidField)]
    [InlineData(10, "ip4", "forward", null, ErrorCodes.InvalidField)]
    [InlineData(10, "ip4", "reroute", null, ErrorCodes.InvalidField)]
    [InlineData(10, "", "allow", null, ErrorCodes.MissingField)]
    public void Policy_routes_out_of_range_or_without_a_reroute_next_hop_are_refused(int priority, string match, string action, string? nextHop, string code) =>
        Spec.Rejected(Spec.GivenTestVpc2(), WithRoutes(policies: [new(priority, match, action, nextHop)]), code);

    [Fact]
    [Trait("rule", "RT-3")]
    public void The_route_after_the_table_limit_is_refused_with_RouteTableFull()
    {
        var state = Spec.GivenTestVpc2();
        var routes = Enumerable.Range(0, 200).Select(i => new StaticRoute($"10.{100 + i / 256}.{i % 256}.0/24", "192.168.100.10")).ToArray();
        Spec.Accepted(state, WithRoutes(routes));
        Spec.Rejected(state, WithRoutes(routes, [new(1, "ip4", "drop")]), VpcErrorCodes.RouteTableFull);
        Spec.Rejected(state, WithRoutes(routes[..2]), VpcErrorCodes.RouteTableFull, Spec.Settings with { RouteTableLimit = 1 });
    }

    [Fact]
    [Trait("rule", "RT-4")]
    public void A_peering_is_active_only_when_both_sides_declare_it()
    {
        var state = Spec.Given(new VpcCreated("a", new VpcSpec()), new VpcCreated("b", new VpcSpec()));
        state.Apply(Spec.Accepted(state, new ApplyVpc("a", new VpcSpec { VpcPeerings = [new VpcPeering("b", "169.254.0.1/30")] })));
        Assert.False(state.ArePeered("a", "b"));
        state.Apply(Spec.Accepted(state, new ApplyVpc("b", new VpcSpec { VpcPeerings = [new VpcPeering("a", "169.254.0.2/30")] })));
        Assert.True(state.ArePeered("a", "b"));
    }

    [Fact]
    [Trait("rule", "RT-4")]
    public void Activating_a_peering_between_overlapping_vpcs_is_refused()
    {
        var settings = Spec.Settings with { AllowOverlapAcrossVpcs = true };
        var state = Spec.Given(new VpcCreated("a", new VpcSpec { VpcPeerings = [new VpcPeering("b", "169.254.0.1/30")] }), new VpcCreated("b", new VpcSpec()));
        state.Apply(Spec.Accepted(state, Spec.Subnet("a1", "10.30.0.0/24", "a"), settings));
        state.Apply(Spec.Accepted(state, Spec.Subnet("b1", "10.30.0.0/24", "b"), settings));
        var error = Spec.Rejected(state, new ApplyVpc("b", new VpcSpec { VpcPeerings = [new VpcPeering("a", "169.254.0.2/30")] }), VpcErrorCodes.CidrConflict, settings);
        Assert.Contains("a1", error.Message);
    }

    [Theory]
    [Trait("rule", "RT-4")]
    [InlineData("a", "169.254.0.1/30")]
    [InlineData("b", "169.254.0.1")]
    public void Self_peering_and_a_connect_ip_without_prefix_are_refused(string remote, string connectIp) =>
        Spec.Rejected(Spec.Given(new VpcCreated("a", new VpcSpec())), new ApplyVpc("a", new VpcSpec { VpcPeerings = [new VpcPeering(remote, connectIp)] }), ErrorCodes.InvalidField);
}
