namespace Mesh.Fip.Domain.Model;

// One association of a floating IP (FIP-3). InternalIp is set for eip, dnat and a pod's
// snat; InternalCidr for a subnet's snat. Owner and generation are the IPAM allocation
// the rule points at (empty / 0 for a CIDR).
public sealed record NatRule(
    string RuleId,
    RuleKind Kind,
    string Fip,
    string FipAddress,
    string Project,
    string? InternalIp,
    string? InternalCidr,
    string Subnet,
    string Vpc,
    string? Protocol,
    int? ExternalPort,
    int? InternalPort,
    string? Owner,
    long Generation,
    RuleScope Scope)
{
    // Same rule as far as the user asked for it (COMMON-2), whatever the resolution details.
    public bool SameRequestAs(NatRule other) =>
        RuleId == other.RuleId && Kind == other.Kind && Fip == other.Fip && InternalIp == other.InternalIp
        && InternalCidr == other.InternalCidr && Protocol == other.Protocol && ExternalPort == other.ExternalPort
        && InternalPort == other.InternalPort;

    public string Describe() => Kind switch
    {
        RuleKind.Dnat => $"dnat {FipAddress}:{ExternalPort}/{Protocol} -> {InternalIp}:{InternalPort}",
        RuleKind.Eip => $"eip {FipAddress} <-> {InternalIp}",
        _ => $"snat {InternalIp ?? InternalCidr} -> {FipAddress}",
    };
}
