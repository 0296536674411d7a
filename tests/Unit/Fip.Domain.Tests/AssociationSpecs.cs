namespace Mesh.Fip.Domain.Tests;

[Trait("rule", "FIP-3")]
public class AssociationSpecs
{
    private static FipPoolState WithFip() => Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"));

    [Fact]
    public void An_eip_maps_the_fip_one_to_one_to_a_pod_address_on_the_vpc_gateway() =>
        WithFip().When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenEvents(F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"));

    [Fact]
    public void A_snat_gives_a_pod_address_the_fip_as_egress() =>
        WithFip().When(new AssociateSnat("snat-busybox", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenEvents(F.Snat("snat-busybox", "eip-a", "172.35.0.20", "10.0.1.5"));

    [Fact]
    public void A_snat_gives_a_whole_subnet_the_fip_as_egress() =>
        WithFip().When(new AssociateSnat("snat-subnet", "eip-a", F.ProjectA, "10.0.1.0/24", Subnet: F.Subnet("10.0.1.0/24")))
            .ThenEvents(F.SnatCidr("snat-subnet", "eip-a", "172.35.0.20", "10.0.1.0/24"));

    [Fact]
    public void A_dnat_forwards_a_port_of_the_fip_to_an_internal_port() =>
        WithFip().When(new AssociateDnat("dnat-web", "eip-a", F.ProjectA, "TCP", 80, "10.0.1.5", 8080, F.Target("10.0.1.5")))
            .ThenEvents(F.Dnat("dnat-web", "eip-a", "172.35.0.20", "10.0.1.5", 80, 8080));

    [Fact]
    [Trait("rule", "COMMON-2")]
    public void Associating_the_same_rule_twice_appends_nothing() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenNothing();

    [Fact]
    public void A_rule_id_reused_for_another_spec_is_refused() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.6", F.Target("10.0.1.6")))
            .ThenRejected(FipErrorCodes.RuleAlreadyExists);

    [Fact]
    public void The_rule_event_carries_the_nat_gateway_when_the_vpc_has_one()
    {
        var target = F.Target("10.0.1.5") with { Scope = new RuleScope("gw-node-1", "vpc-a-natgw") };

        var decision = WithFip().When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", target));

        var rule = Assert.IsType<FipAssociated>(Assert.Single(decision.Events)).Rule;
        Assert.Equal("vpc-nat-gateway/vpc-a-natgw", rule.Scope.Target);
    }

    [Theory]
    [InlineData("sctp")]
    [InlineData("")]
    public void A_dnat_with_an_unsupported_protocol_is_refused(string protocol) =>
        WithFip().When(new AssociateDnat("dnat-web", "eip-a", F.ProjectA, protocol, 80, "10.0.1.5", 8080, F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.InvalidProtocol);

    [Theory]
    [InlineData(0, 8080, "externalPort")]
    [InlineData(80, 65536, "internalPort")]
    public void A_dnat_with_a_port_out_of_range_is_refused(int external, int internalPort, string field)
    {
        var error = WithFip()
            .When(new AssociateDnat("dnat-web", "eip-a", F.ProjectA, "udp", external, "10.0.1.5", internalPort, F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.InvalidPort);

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_malformed_internal_address_is_refused() =>
        WithFip().When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.500", F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.InvalidIp);

    [Fact]
    public void A_subnet_cidr_with_host_bits_is_refused() =>
        WithFip().When(new AssociateSnat("snat-subnet", "eip-a", F.ProjectA, "10.0.1.7/24", Subnet: F.Subnet("10.0.1.0/24")))
            .ThenRejected(FipErrorCodes.InvalidCidr);

    [Fact]
    public void Associating_an_unknown_fip_is_refused_with_FipNotFound() =>
        WithFip().When(new AssociateEip("fip-vm", "eip-x", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.FipNotFound);

    [Fact]
    [Trait("rule", "COMMON-5")]
    public void Another_projects_fip_cannot_be_associated() =>
        WithFip().When(new AssociateEip("fip-vm", "eip-a", F.ProjectB, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenRejected(ErrorCodes.Forbidden);

    [Fact]
    public void Disassociating_removes_the_rule_with_reason_Requested() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new Disassociate("fip-vm", F.ProjectA))
            .ThenEvents(FipDisassociated.Of(F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5").Rule, DisassociationReason.Requested));

    [Fact]
    public void Disassociating_an_unknown_or_removed_rule_appends_nothing() =>
        WithFip().When(new Disassociate("fip-vm", F.ProjectA)).ThenNothing();

    [Fact]
    [Trait("rule", "COMMON-5")]
    public void Another_project_cannot_disassociate_a_rule() =>
        Spec.Given(F.Pool(), F.Allocated("eip-a", "172.35.0.20"), F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new Disassociate("fip-vm", F.ProjectB))
            .ThenRejected(ErrorCodes.Forbidden);
}
