using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

// The documents of seeds 000 and 004, as the service layer would parse them.
public class SeedDocumentTests
{
    [Fact]
    [Trait("rule", "VPC-2")]
    [Trait("rule", "SUB-1")]
    public void Test_vpc2_and_net192_from_seed_000_are_accepted()
    {
        var state = Spec.GivenTestVpc2();
        var net192 = state.Subnets["net192"].Definition;
        Assert.Equal(("test-vpc2", "192.168.100.0/24", "192.168.100.1", true), (net192.Vpc, net192.CidrBlock, net192.Gateway, net192.NatOutgoing));
        Assert.Equal("172.110.0.160", state.Vpcs["test-vpc2"].ExternalGatewayIp);
    }

    [Fact]
    [Trait("rule", "VPC-2")]
    [Trait("rule", "SUB-1")]
    [Trait("rule", "RT-5")]
    public void Vpc_secondary_subnet_secondary_and_vpc_nat_gw_from_seed_004_are_accepted()
    {
        var state = Spec.Given();
        // Seed 004 writes "cidr:" for the subnet; the Kube-OVN field is cidrBlock.
        var commands = new ITopologyCommand[]
        {
            new ApplyVpc("vpc-secondary", new VpcSpec { Namespaces = ["default"] }),
            new ApplySubnet("subnet-secondary", new SubnetSpec
            {
                Vpc = "vpc-secondary",
                CidrBlock = "10.100.0.0/16",
                Gateway = "10.100.0.1",
                Provider = "kube-ovn-vpc-network.default.ovn",
            }),
            new ApplyNatGateway("vpc-nat-gw", new VpcNatGatewaySpec { Vpc = "vpc-secondary", Subnet = "subnet-secondary", LanIp = "10.100.0.254" }),
        };
        // 10.100.0.0/16 lies in the default service CIDR 10.96.0.0/12; a cluster running this seed
        // uses another service CIDR (its primary CNI is not Kube-OVN).
        var settings = Spec.Settings with { ServiceCidr = "172.30.0.0/16" };
        foreach (var command in commands)
        {
            state.Apply(Spec.Accepted(state, command, settings));
        }
        Assert.Equal("kube-ovn-vpc-network.default.ovn", state.Subnets["subnet-secondary"].Definition.Provider);
        Assert.Equal("10.100.0.254", state.NatGatewayOf("vpc-secondary")!.LanIp);
    }
}
