using Mesh.Fip.Domain.Model;

namespace Mesh.Fip.Domain.Events;

// Stored events of the stream `fip-pool-<externalNetwork>`. Stored type names: FipEventTypes.

// FIP-1: the pool of an external network was defined.
public sealed record PoolDefined(PoolSpec Pool);

// FIP-1: the pool's ranges or excludes changed (no allocated address was left out).
public sealed record PoolRangesChanged(IReadOnlyList<string> Ranges, IReadOnlyList<string> Excludes);

// FIP-2: a floating IP was given to a project.
public sealed record FipAllocated(string Name, string Project, string Address, string IdempotencyKey);

// FIP-7: a floating IP went back to the pool.
public sealed record FipReleased(string Name, string Project, string Address);

// FIP-3: a rule was created; the full rule, so that NAT programming can be rebuilt from history.
public sealed record FipAssociated(NatRule Rule);

// FIP-6/7: a rule was removed; reason is one of DisassociationReason.
public sealed record FipDisassociated(
    string RuleId,
    RuleKind Kind,
    string Fip,
    string FipAddress,
    string? InternalIp,
    string? InternalCidr,
    RuleScope Scope,
    string Reason)
{
    public static FipDisassociated Of(NatRule rule, string reason) => new(rule.RuleId, rule.Kind, rule.Fip,
        rule.FipAddress, rule.InternalIp, rule.InternalCidr, rule.Scope, reason);
}

// FIP-6: IPAM released an internal address; remembered so that a late association for that
// allocation (or an older one) cannot bring a rule back.
public sealed record TargetReleaseRecorded(string Ip, string PodUid, long Generation, Guid EventId, string? Subnet = null);
