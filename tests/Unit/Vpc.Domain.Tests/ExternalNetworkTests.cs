using Mesh.Contracts;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

[Trait("rule", "VPC-2")]
public class ExternalNetworkTests
{
    [Fact]
    public void Registering_an_external_network_twice_records_it_once()
    {
        var state = Spec.Given();
        state.Apply(Spec.Single<ExternalNetworkRegistered>(Spec.Accepted(state, new RegisterExternalNetwork(Spec.ExtNet))));
        Assert.Empty(Spec.Accepted(state, new RegisterExternalNetwork(Spec.ExtNet)));
    }

    [Fact]
    public void A_bad_id_cidr_or_gateway_is_refused()
    {
        var state = Spec.Given();
        Spec.Rejected(state, new RegisterExternalNetwork(Spec.ExtNet with { Id = "ext" }), ErrorCodes.InvalidField);
        Spec.Rejected(state, new RegisterExternalNetwork(Spec.ExtNet with { Cidr = "172.110.0.1/24" }), VpcErrorCodes.InvalidCidr);
        Spec.Rejected(state, new RegisterExternalNetwork(Spec.ExtNet with { Gateway = "172.111.0.1" }), ErrorCodes.InvalidField);
    }

    [Fact]
    public void The_cidr_of_a_network_in_use_cannot_change()
    {
        var state = Spec.GivenTestVpc2();
        Spec.Rejected(state, new RegisterExternalNetwork(Spec.ExtNet with { Cidr = "172.110.0.0/23" }), ErrorCodes.ImmutableField);
    }

    [Fact]
    [Trait("rule", "COMMON-1")]
    public void A_second_network_with_the_same_name_is_refused_with_AlreadyExists()
    {
        var state = Spec.Given();
        state.Apply(Spec.Accepted(state, new RegisterExternalNetwork(Spec.ExtNet)));
        Spec.Rejected(state, new RegisterExternalNetwork(Spec.ExtNet with { Id = "0b0c9a2e-5f43-4d5e-9a41-7c2d1f0e6a11" }), ErrorCodes.AlreadyExists);
        Assert.Single(state.ExternalNetworks);
    }

    [Theory]
    [Trait("rule", "POOL-1")]
    [InlineData("172.110.0.0/24")]
    [InlineData("172.110.0.128/25")]
    [InlineData("172.110.0.0/16")]
    public void External_networks_never_overlap_and_the_refusal_names_the_other_network(string cidr)
    {
        var state = Spec.Given();
        state.Apply(Spec.Accepted(state, new RegisterExternalNetwork(Spec.ExtNet)));
        var error = Spec.Rejected(state, new RegisterExternalNetwork(new ExternalNetwork("0b0c9a2e-5f43-4d5e-9a41-7c2d1f0e6a11", "ext-b", cidr, null)),
            VpcErrorCodes.CidrConflict);
        Assert.Contains("ext-net (172.110.0.0/24)", error.Message);
        Assert.Equal("cidr", error.Field);
        Assert.Single(state.ExternalNetworks);
    }

    [Fact]
    [Trait("rule", "POOL-1")]
    public void An_adjacent_external_network_is_accepted()
    {
        var state = Spec.Given();
        state.Apply(Spec.Accepted(state, new RegisterExternalNetwork(Spec.ExtNet)));
        Assert.Single(Spec.Accepted(state, new RegisterExternalNetwork(new ExternalNetwork("0b0c9a2e-5f43-4d5e-9a41-7c2d1f0e6a11", "ext-b", "172.110.1.0/24", null))));
    }
}
