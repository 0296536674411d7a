using Mesh.Contracts;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

[Trait("rule", "RT-5")]
public class NatGatewayTests
{
    private static ApplyNatGateway Gw(string name = "gw", string lanIp = "192.168.100.254", string subnet = "net192", string vpc = "test-vpc2") =>
        new(name, new VpcNatGatewaySpec { Vpc = vpc, Subnet = subnet, LanIp = lanIp, Selector = ["kubernetes.io/os: linux"] });

    [Fact]
    public void A_nat_gateway_with_a_lan_ip_in_its_subnet_is_created_and_reapplying_changes_nothing()
    {
        var state = Spec.GivenTestVpc2();
        var created = Spec.Single<NatGatewayCreated>(Spec.Accepted(state, Gw()));
        Assert.Equal(new NatGateway("gw", "test-vpc2", "net192", "192.168.100.254", ["kubernetes.io/os: linux"]), created.Gateway);
        state.Apply(created);
        Assert.Empty(Spec.Accepted(state, Gw()));
    }

    [Fact]
    public void A_second_nat_gateway_in_a_vpc_is_refused_naming_the_first()
    {
        var state = Spec.GivenTestVpc2(Gw());
        var error = Spec.Rejected(state, Gw("gw2", "192.168.100.253"), VpcErrorCodes.NatGatewayExists);
        Assert.Contains("'gw'", error.Message);
    }

    [Theory]
    [InlineData("192.168.101.5")]
    [InlineData("192.168.100.1")]
    [InlineData("192.168.100.255")]
    [InlineData("not-an-ip")]
    public void A_lan_ip_outside_the_subnet_or_on_its_gateway_is_refused(string lanIp) =>
        Spec.Rejected(Spec.GivenTestVpc2(), Gw(lanIp: lanIp), ErrorCodes.InvalidField);

    [Fact]
    public void Unknown_vpc_or_subnet_or_a_subnet_of_another_vpc_is_refused()
    {
        var state = Spec.GivenTestVpc2();
        Spec.Rejected(state, Gw(vpc: "nope"), VpcErrorCodes.VpcNotFound);
        Spec.Rejected(state, Gw(subnet: "nope"), VpcErrorCodes.SubnetNotFound);
        Spec.Rejected(state, Gw(subnet: "ovn-default", lanIp: "10.16.0.9"), ErrorCodes.InvalidField);
    }

    [Fact]
    public void The_lan_ip_is_immutable_and_deleting_announces_the_gateway_so_ipam_can_release_it()
    {
        var state = Spec.GivenTestVpc2(Gw());
        Spec.Rejected(state, Gw(lanIp: "192.168.100.250"), ErrorCodes.ImmutableField);
        var deleted = Spec.Single<NatGatewayDeleted>(Spec.Accepted(state, new DeleteNatGateway("gw")));
        Assert.Equal("192.168.100.254", deleted.Gateway.LanIp);
        state.Apply(deleted);
        Spec.Rejected(state, new DeleteNatGateway("gw"), VpcErrorCodes.NatGatewayNotFound);
    }
}
