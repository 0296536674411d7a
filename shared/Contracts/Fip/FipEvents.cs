namespace Mesh.Contracts.Fip;

// Events the FIP service publishes (JSON, camelCase). Rule events are scoped to the node that programs
// them (the VPC's gateway node; NatGateway names the VPC NAT gateway when there is one), so that the NAT
// component rebuilds every rule from history after a restart: replay Added and Removed by RuleId.

/// <summary>FIP-3: a NAT rule to program. <c>Kind</c>: snat, eip or dnat.</summary>
public sealed record FipRuleAdded(
    string Node,
    string RuleId,
    string Kind,
    string Fip,
    string FipAddress,
    string ExternalNetworkId,
    string Project,
    string? InternalIp,
    string? InternalCidr,
    string? Protocol,
    int? ExternalPort,
    int? InternalPort,
    string Vpc,
    string Subnet,
    string? NatGateway) : INodeScoped;

/// <summary>A NAT rule to remove. <c>Reason</c>: Requested, TargetReleased (FIP-6) or FipReleased (FIP-7).</summary>
public sealed record FipRuleRemoved(
    string Node,
    string RuleId,
    string Kind,
    string Fip,
    string FipAddress,
    string ExternalNetworkId,
    string? InternalIp,
    string? InternalCidr,
    string? NatGateway,
    string Reason) : INodeScoped;

/// <summary>FIP-2: a floating IP was given to a project.</summary>
public sealed record FipAllocated(string Name, string Project, string Address, string ExternalNetworkId);

/// <summary>FIP-7: a floating IP went back to its pool.</summary>
public sealed record FipReleased(string Name, string Project, string Address, string ExternalNetworkId);
