namespace Mesh.Fip.Domain.Model;

// What the IPAM and VPC services know of an internal address, resolved by the handler so that the
// decider stays pure (FIP-4). Generation orders the allocations of one address
// (IPAM's allocation sequence): it lets a late association lose against an earlier-seen release.
public sealed record AllocatedTarget(
    string Ip,
    string Subnet,
    string Vpc,
    string? ExternalNetworkId,
    string Owner,
    long Generation,
    RuleScope Scope);
