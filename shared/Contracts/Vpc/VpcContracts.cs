namespace Mesh.Contracts.Vpc;

// Events the VPC service publishes (JSON, camelCase; see docs/). A subnet's announcement is what
// makes the IPAM service create or update its pool; a VPC's external gateway is what the FIP
// service checks.

/// <summary>An external network registered for VPC egress and floating IPs.</summary>
public sealed record ExternalNetworkAnnounced(string Id, string Name, string Cidr, string Gateway);

/// <summary>A VPC was created or changed.</summary>
public sealed record VpcAnnounced(
    string Name,
    string? ExternalNetworkId,
    string? ExternalGatewayIp,
    string? GatewayNode,
    IReadOnlyList<string> Namespaces,
    string? DefaultSubnet);

/// <summary>A VPC was deleted.</summary>
public sealed record VpcRemoved(string Name);

/// <summary>
/// A subnet was created or changed. Every default is filled in: <c>CidrBlock</c> and <c>Gateway</c> are
/// "v4", "v6" or "v4,v6"; <c>ExcludeIps</c> always holds the gateway.
/// </summary>
public sealed record SubnetAnnounced(
    string Name,
    string Vpc,
    string CidrBlock,
    string Gateway,
    IReadOnlyList<string> ExcludeIps,
    bool NatOutgoing,
    IReadOnlyList<string> ProjectIds,
    IReadOnlyList<string> Namespaces,
    string Provider,
    string Protocol,
    bool IsVpcDefault)
{
    /// <summary>
    /// The announcement's place in the VPC service's log: a later change of the subnet has a higher one,
    /// so a late or repeated copy is recognised and ignored. 0 (a sender that does not order) is applied as it comes.
    /// </summary>
    public long Generation { get; init; }
}

/// <summary>
/// Step 1 of the subnet-deletion saga (DOMAIN.md SUB-9): the subnet refuses new work here; the IPAM
/// service answers with <c>SubnetDeletionPrepared</c> (its pool is empty and closed) or
/// <c>SubnetDeletionRefused</c> (it holds addresses).
/// </summary>
public sealed record SubnetDeletionRequested(string Name, Guid SagaId);

/// <summary>The saga's end: the subnet is gone; the IPAM service deletes its closed pool.</summary>
public sealed record SubnetRemoved(string Name, Guid SagaId);

/// <summary>The saga was called off: the subnet is usable again; the IPAM service reopens its pool.</summary>
public sealed record SubnetDeletionAborted(string Name, Guid SagaId, string Reason);

/// <summary>
/// POOL-2: a change of an existing subnet that the IPAM service applies too (gateway, excludeIps, projectIDs,
/// namespaces), waiting for its agreement: the IPAM service applies it and answers <c>SubnetChangeAccepted</c>,
/// or refuses it and answers <c>SubnetChangeRefused</c>; only then is it committed (or dropped) by the VPC
/// service, so the two never disagree about a subnet. <c>Subnet.Generation</c> orders it as an announcement.
/// </summary>
public sealed record SubnetChangeRequested(string Name, Guid SagaId, SubnetAnnounced Subnet);

/// <summary>VPC-3: a subnet with natOutgoing in a VPC with no way out (a warning, not a refusal).</summary>
public sealed record SubnetWithoutEgress(string Subnet, string Vpc, string Message);

/// <summary>A VPC NAT gateway was created or changed; the IPAM service reserves its LAN address.</summary>
public sealed record NatGatewayAnnounced(string Name, string Vpc, string Subnet, string LanIp, IReadOnlyDictionary<string, string> Selector);

/// <summary>A VPC NAT gateway was deleted; its LAN address is released.</summary>
public sealed record NatGatewayRemoved(string Name, string Vpc, string Subnet, string LanIp);
