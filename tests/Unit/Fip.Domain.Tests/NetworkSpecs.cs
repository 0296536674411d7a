namespace Mesh.Fip.Domain.Tests;

[Trait("rule", "FIP-4")]
public class NetworkSpecs
{
    private static FipPoolState WithFip() => Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"));

    [Fact]
    public void An_address_ipam_has_not_allocated_is_refused_with_TargetNotAllocated()
    {
        var error = WithFip().When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", Target: null))
            .ThenRejected(FipErrorCodes.TargetNotAllocated);

        Assert.Equal("10.0.1.5", error.Value);
    }

    [Fact]
    public void An_address_in_a_vpc_of_another_external_network_is_refused_with_FipNetworkMismatch()
    {
        var error = WithFip()
            .When(new AssociateDnat("dnat-web", "eip-a", F.ProjectA, "tcp", 80, "10.0.1.5", 80, F.Target("10.0.1.5", ext: F.OtherNet)))
            .ThenRejected(FipErrorCodes.FipNetworkMismatch);

        Assert.Contains(F.OtherNet, error.Message);
        Assert.Contains("vpc-a", error.Message);
    }

    [Fact]
    public void An_address_in_a_vpc_without_an_external_network_is_refused() =>
        WithFip().When(new AssociateSnat("snat-pod", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5", ext: null)))
            .ThenRejected(FipErrorCodes.FipNetworkMismatch);

    [Fact]
    public void A_vpc_naming_the_external_network_by_name_matches_the_pool() =>
        Assert.Single(WithFip()
            .When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5", ext: F.PoolName))).Events);

    [Fact]
    public void A_subnet_of_a_vpc_on_another_external_network_cannot_snat_through_the_fip() =>
        WithFip().When(new AssociateSnat("snat-subnet", "eip-a", F.ProjectA, "10.0.1.0/24", Subnet: F.Subnet("10.0.1.0/24", F.OtherNet)))
            .ThenRejected(FipErrorCodes.FipNetworkMismatch);

    [Fact]
    public void A_cidr_that_is_no_known_subnet_cannot_snat() =>
        WithFip().When(new AssociateSnat("snat-subnet", "eip-a", F.ProjectA, "10.0.9.0/24", Subnet: null))
            .ThenRejected(FipErrorCodes.TargetNotAllocated);

    [Fact]
    public void A_resolution_for_another_address_is_not_trusted() =>
        WithFip().When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.6")))
            .ThenRejected(FipErrorCodes.TargetNotAllocated);
}
