namespace Mesh.Fip.Domain.Model;

// FIP-3: the three ways a floating IP is used.
public enum RuleKind
{
    // Egress of a pod address or a subnet CIDR (`ovn.kubernetes.io/snat`, `OvnSnatRule`).
    Snat,
    // 1:1 NAT to one VM or pod address (`ovn.kubernetes.io/eip`, `OvnFip`).
    Eip,
    // `eip:port/protocol -> internalIp:port` (`OvnDnatRule`).
    Dnat,
}
