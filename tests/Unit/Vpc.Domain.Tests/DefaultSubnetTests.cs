using Mesh.Contracts;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

/// <summary>IPAM-6a on the VPC side: a custom VPC's subnet with spec.default: true is its default subnet; one per VPC.</summary>
[Trait("rule", "IPAM-6a")]
public class DefaultSubnetTests
{
    [Fact]
    public void A_custom_vpcs_subnet_may_be_its_default_and_a_second_default_is_refused_naming_the_first()
    {
        var state = Spec.GivenTestVpc2();
        var created = Spec.Single<SubnetCreated>(Spec.Accepted(state, new ApplySubnet("net193", new SubnetSpec { Vpc = "test-vpc2", CidrBlock = "192.168.101.0/24", Default = true })));
        Assert.True(created.Subnet.Default);
        state.Apply(created);

        var error = Spec.Rejected(state, new ApplySubnet("net192", Spec.Net192 with { Default = true }), ErrorCodes.AlreadyExists);

        Assert.Equal("spec.default", error.Field);
        Assert.Contains("net193", error.Message);
    }

    [Fact]
    public void Only_the_configured_default_subnet_is_the_default_vpcs_default() =>
        Assert.Contains("ovn-default", Spec.Rejected(Spec.Given(), new ApplySubnet("s1", new SubnetSpec { CidrBlock = "10.40.0.0/24", Default = true }),
            ErrorCodes.AlreadyExists).Message);
}
