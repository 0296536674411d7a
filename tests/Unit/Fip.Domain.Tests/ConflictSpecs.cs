namespace Mesh.Fip.Domain.Tests;

[Trait("rule", "FIP-5")]
public class ConflictSpecs
{
    private static readonly object[] TwoFips =
        [F.Pool(), F.Allocated("eip-a", "172.35.0.20"), F.Allocated("eip-b", "172.35.0.18")];

    private static FipPoolState Given(params object[] more) => Spec.Given([.. TwoFips, .. more]);

    [Fact]
    public void An_eip_fip_cannot_be_associated_with_a_second_address()
    {
        var error = Given(F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new AssociateEip("fip-vm2", "eip-a", F.ProjectA, "10.0.1.6", F.Target("10.0.1.6", owner: "pod-uid-2")))
            .ThenRejected(FipErrorCodes.EipAlreadyAssociated);

        Assert.Contains("fip-vm", error.Message);
    }

    [Fact]
    public void An_address_with_an_eip_cannot_get_a_second_eip() =>
        Given(F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new AssociateEip("fip-vm2", "eip-b", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.EipAlreadyAssociated);

    [Fact]
    public void A_fip_used_for_dnat_cannot_become_an_eip() =>
        Given(F.Dnat("dnat-web", "eip-a", "172.35.0.20", "10.0.1.7", 80, 80, owner: "pod-uid-7"))
            .When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.EipAlreadyAssociated);

    [Fact]
    public void An_eip_fip_cannot_also_forward_ports() =>
        Given(F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new AssociateDnat("dnat-web", "eip-a", F.ProjectA, "tcp", 80, "10.0.1.5", 80, F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.EipAlreadyAssociated);

    [Fact]
    public void A_second_dnat_on_the_same_fip_protocol_and_port_is_refused()
    {
        var error = Given(F.Dnat("dnat-web", "eip-a", "172.35.0.20", "10.0.1.5", 80, 8080))
            .When(new AssociateDnat("dnat-web2", "eip-a", F.ProjectA, "tcp", 80, "10.0.1.6", 80, F.Target("10.0.1.6", owner: "pod-uid-2")))
            .ThenRejected(FipErrorCodes.DnatPortConflict);

        Assert.Contains("dnat-web", error.Message);
        Assert.Equal("80", error.Value);
    }

    [Fact]
    public void The_same_port_with_another_protocol_is_accepted() =>
        Assert.Single(Given(F.Dnat("dnat-web", "eip-a", "172.35.0.20", "10.0.1.5", 53, 53))
            .When(new AssociateDnat("dnat-dns", "eip-a", F.ProjectA, "udp", 53, "10.0.1.5", 53, F.Target("10.0.1.5"))).Events);

    [Fact]
    public void An_address_with_an_eip_cannot_also_sit_behind_a_snat_fip() =>
        Given(F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new AssociateSnat("snat-pod", "eip-b", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.EipSnatConflict);

    [Fact]
    public void An_address_behind_a_snat_fip_cannot_get_an_eip() =>
        Given(F.Snat("snat-pod", "eip-b", "172.35.0.18", "10.0.1.5"))
            .When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.EipSnatConflict);

    [Fact]
    public void An_address_inside_a_snat_subnet_cannot_get_an_eip() =>
        Given(F.SnatCidr("snat-subnet", "eip-b", "172.35.0.18", "10.0.1.0/24"))
            .When(new AssociateEip("fip-vm", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.EipSnatConflict);

    [Fact]
    public void A_subnet_holding_an_eip_address_cannot_snat() =>
        Given(F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new AssociateSnat("snat-subnet", "eip-b", F.ProjectA, "10.0.1.0/24", Subnet: F.Subnet("10.0.1.0/24")))
            .ThenRejected(FipErrorCodes.EipSnatConflict);

    [Fact]
    public void An_address_cannot_leave_through_two_snat_fips() =>
        Given(F.Snat("snat-pod", "eip-b", "172.35.0.18", "10.0.1.5"))
            .When(new AssociateSnat("snat-pod2", "eip-a", F.ProjectA, "10.0.1.5", F.Target("10.0.1.5")))
            .ThenRejected(FipErrorCodes.SnatAlreadyAssociated);

    [Fact]
    public void Many_pods_may_share_one_snat_fip() =>
        Assert.Single(Given(F.Snat("snat-pod", "eip-b", "172.35.0.18", "10.0.1.5"))
            .When(new AssociateSnat("snat-pod2", "eip-b", F.ProjectA, "10.0.1.6", F.Target("10.0.1.6", owner: "pod-uid-2"))).Events);

    [Fact]
    public void A_snat_fip_may_also_forward_ports() =>
        Assert.Single(Given(F.Snat("snat-pod", "eip-b", "172.35.0.18", "10.0.1.5"))
            .When(new AssociateDnat("dnat-web", "eip-b", F.ProjectA, "tcp", 443, "10.0.1.5", 8443, F.Target("10.0.1.5"))).Events);

    [Fact]
    public void An_eip_fip_cannot_be_used_for_snat() =>
        Given(F.Eip("fip-vm", "eip-a", "172.35.0.20", "10.0.1.5"))
            .When(new AssociateSnat("snat-pod", "eip-a", F.ProjectA, "10.0.1.6", F.Target("10.0.1.6", owner: "pod-uid-2")))
            .ThenRejected(FipErrorCodes.EipAlreadyAssociated);
}
