using Mesh.Contracts;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

public class VpcTests
{
    [Fact]
    [Trait("rule", "VPC-1")]
    public void Bootstrap_creates_ovn_cluster_and_ovn_default()
    {
        var state = Topology.From(Topology.Bootstrap(Spec.Settings));
        Assert.True(state.Vpcs.ContainsKey("ovn-cluster"));
        var subnet = state.Subnets["ovn-default"].Definition;
        Assert.Equal(("ovn-cluster", "10.16.0.0/16", "10.16.0.1"), (subnet.Vpc, subnet.CidrBlock, subnet.Gateway));
        Assert.Contains("10.16.0.1", subnet.ExcludeIps);
    }

    [Fact]
    [Trait("rule", "VPC-1")]
    public void The_default_vpc_and_subnet_cannot_be_deleted_but_can_be_configured()
    {
        var state = Spec.Given();
        Spec.Rejected(state, new DeleteVpc("ovn-cluster"), VpcErrorCodes.ProtectedResource);
        Spec.Rejected(state, new RequestSubnetDeletion("ovn-default"), VpcErrorCodes.ProtectedResource);
        var updated = Spec.AgreedChange(state,
            new ApplySubnet("ovn-default", new SubnetSpec { CidrBlock = "10.16.0.0/16", ExcludeIps = ["10.16.0.2..10.16.0.9"] }));
        Assert.Equal(["10.16.0.2..10.16.0.9", "10.16.0.1"], updated.Subnet.ExcludeIps);
    }

    [Fact]
    [Trait("rule", "VPC-2")]
    public void A_custom_vpc_is_created_with_defaults_filled_in_and_reapplying_it_changes_nothing()
    {
        var state = Spec.Given(new ExternalNetworkRegistered(Spec.ExtNet));
        var created = Spec.Single<VpcCreated>(Spec.Accepted(state, new ApplyVpc("test-vpc2", Spec.TestVpc2)));
        Assert.Equal("centralized", created.Spec.GatewayType);
        Assert.Equal("ext-net", created.Spec.ExternalNetworkName);
        state.Apply(created);
        Assert.Empty(Spec.Accepted(state, new ApplyVpc("test-vpc2", Spec.TestVpc2)));
    }

    [Fact]
    [Trait("rule", "VPC-2")]
    public void A_distributed_gateway_is_refused_saying_only_centralized_is_supported()
    {
        var state = Spec.Given(new ExternalNetworkRegistered(Spec.ExtNet));
        var error = Spec.Rejected(state, new ApplyVpc("v", Spec.TestVpc2 with { GatewayType = "distributed" }), VpcErrorCodes.UnsupportedGatewayType);
        Assert.Contains("centralized", error.Message);
    }

    [Fact]
    [Trait("rule", "VPC-2")]
    public void An_unknown_external_network_is_refused() =>
        Spec.Rejected(Spec.Given(), new ApplyVpc("v", Spec.TestVpc2), VpcErrorCodes.ExternalNetworkNotFound);

    [Fact]
    [Trait("rule", "VPC-2")]
    public void An_external_network_without_a_router_is_refused()
    {
        var state = Spec.Given(new ExternalNetworkRegistered(Spec.ExtNet));
        var error = Spec.Rejected(state, new ApplyVpc("v", Spec.TestVpc2 with { NeutronRouter = null }), ErrorCodes.MissingField);
        Assert.Equal("spec.neutronRouter", error.Field);
        Spec.Rejected(state, new ApplyVpc("v", Spec.TestVpc2 with { NeutronRouter = "router-1" }), ErrorCodes.InvalidField);
    }

    [Fact]
    [Trait("rule", "VPC-2")]
    public void An_external_gateway_ip_outside_the_external_network_is_refused()
    {
        var state = Spec.Given(new ExternalNetworkRegistered(Spec.ExtNet));
        var error = Spec.Rejected(state, new ApplyVpc("v", Spec.TestVpc2 with { ExternalGatewayIp = "172.111.0.5" }), ErrorCodes.InvalidField);
        Assert.Equal("spec.externalGatewayIp", error.Field);
    }

    [Fact]
    [Trait("rule", "COMMON-1")]
    public void A_vpc_name_that_is_not_a_dns_label_is_refused() =>
        Spec.Rejected(Spec.Given(), new ApplyVpc("Test_VPC", new VpcSpec()), ErrorCodes.InvalidName);

    [Fact]
    [Trait("rule", "VPC-3")]
    public void A_nat_outgoing_subnet_in_a_vpc_without_egress_is_accepted_with_a_warning()
    {
        var state = Spec.Given(new VpcCreated("isolated", new VpcSpec { GatewayType = "centralized" }));
        var events = Spec.Accepted(state, new ApplySubnet("s1", new SubnetSpec { Vpc = "isolated", CidrBlock = "10.50.0.0/24", NatOutgoing = true }));
        Assert.IsType<SubnetCreated>(events[0]);
        var warning = Assert.IsType<SubnetWithoutEgress>(events[1]);
        Assert.Equal(("s1", "isolated"), (warning.Subnet, warning.Vpc));
    }

    [Fact]
    [Trait("rule", "VPC-3")]
    public void A_nat_outgoing_subnet_in_a_vpc_with_an_external_gateway_ip_gets_no_warning()
    {
        var state = Spec.Given(new ExternalNetworkRegistered(Spec.ExtNet));
        state.Apply(Spec.Accepted(state, new ApplyVpc("test-vpc2", Spec.TestVpc2)));
        Spec.Single<SubnetCreated>(Spec.Accepted(state, new ApplySubnet("net192", Spec.Net192)));
    }

    [Fact]
    [Trait("rule", "VPC-4")]
    public void A_vpc_with_subnets_nat_gateways_or_peerings_cannot_be_deleted_and_the_error_names_them()
    {
        var state = Spec.GivenTestVpc2(
            new ApplyNatGateway("gw", new VpcNatGatewaySpec { Vpc = "test-vpc2", Subnet = "net192", LanIp = "192.168.100.254" }),
            new ApplyVpc("other", new VpcSpec { VpcPeerings = [new VpcPeering("test-vpc2", "169.254.0.2/30")] }));
        var error = Spec.Rejected(state, new DeleteVpc("test-vpc2"), VpcErrorCodes.VpcInUse);
        Assert.Contains("net192", error.Message);
        Assert.Contains("gw", error.Message);
        Assert.Contains("other", error.Message);
    }

    [Fact]
    [Trait("rule", "VPC-4")]
    public void An_empty_vpc_is_deleted_and_an_unknown_one_is_not_found()
    {
        var state = Spec.Given(new VpcCreated("empty", new VpcSpec { GatewayType = "centralized" }));
        Assert.Equal(new VpcDeleted("empty"), Spec.Single<VpcDeleted>(Spec.Accepted(state, new DeleteVpc("empty"))));
        Spec.Rejected(state, new DeleteVpc("nope"), VpcErrorCodes.VpcNotFound);
    }
}
