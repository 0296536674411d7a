using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Domain.State;

namespace Mesh.Fip.Domain.Deciders;

// The checks every association shares: the FIP and its owner, the rule id, FIP-4 for the target.
internal static class AssociationChecks
{
    public static MeshError? Fip(FipPoolState state, string fipName, string project, bool admin, out FloatingIp fip)
    {
        fip = state.Fip(fipName)!;
        if (state.Pool is null || fip is null)
        {
            return FipErrors.FipNotFound(fipName);
        }
        return fip.Project != project && !admin ? FipErrors.Forbidden(fip.Name, fip.Project, project) : null;
    }

    public static MeshError? Address(string field, string text, out string normalised)
    {
        normalised = IpAddress.Canonical(text, IpFamily.V4) ?? "";
        return normalised.Length == 0 ? FipErrors.InvalidIp(field, text) : null;
    }

    // FIP-4 and FIP-6: IPAM allocated the address, the allocation is not stale or released, and its
    // VPC reaches this pool's external network.
    public static MeshError? Target(FipPoolState state, string field, string ip, AllocatedTarget? target)
    {
        if (target is null || IpAddress.Canonical(target.Ip, IpFamily.V4) != ip)
        {
            return FipErrors.TargetNotAllocated(field, ip, "IPAM has no allocation for it");
        }
        if (state.Lease(target.Subnet, ip) is { } lease)
        {
            if (lease.Generation > target.Generation)
            {
                return FipErrors.TargetNotAllocated(field, ip,
                    $"allocation {target.Generation} of '{target.Owner}' is older than allocation {lease.Generation} of '{lease.Owner}'");
            }
            if (lease.Generation == target.Generation && lease.Released)
            {
                return FipErrors.TargetNotAllocated(field, ip, $"allocation {lease.Generation} of '{lease.Owner}' was released");
            }
        }
        return Network(state, field, ip, target.Vpc, target.ExternalNetworkId);
    }

    public static MeshError? Network(FipPoolState state, string field, string value, string vpc, string? externalNetwork) =>
        externalNetwork is not null && state.Matches(externalNetwork)
            ? null
            : FipErrors.FipNetworkMismatch(field, value, vpc, externalNetwork, state.Pool!.ExternalNetworkId);

    // COMMON-2: the same rule id asked again is Nothing; with another spec it is a conflict.
    public static Decision? Existing(FipPoolState state, NatRule candidate)
    {
        var existing = state.Rule(candidate.RuleId);
        if (existing is null)
        {
            return null;
        }
        return existing.SameRequestAs(candidate)
            ? Decision.Nothing
            : FipErrors.RuleAlreadyExists(candidate.RuleId, existing.Describe());
    }

    // FIP-5: a FIP with an eip is used by nothing else.
    public static MeshError? FipHoldsEip(FipPoolState state, FloatingIp fip) =>
        state.RulesOf(fip.Name).FirstOrDefault(r => r.Kind == RuleKind.Eip) is { } eip
            ? FipErrors.EipAlreadyAssociated("ovnEip", fip.Name, eip.RuleId, eip.Describe())
            : null;

    public static NatRule Rule(string ruleId, RuleKind kind, FloatingIp fip, string? ip, string? cidr, string subnet,
        string vpc, string? owner, long generation, RuleScope scope, string? protocol = null, int? ext = null, int? inner = null) =>
        new(ruleId, kind, fip.Name, fip.Address, fip.Project, ip, cidr, subnet, vpc, protocol, ext, inner, owner, generation, scope);

    public static bool InCidr(string? ip, IpPrefix cidr) => IpAddress.TryParse(ip, out var a) && cidr.Contains(a);
}
