namespace Mesh.Contracts.Fip;

// Commands the FIP service takes on its queues (request/response) and over HTTP, with Kube-OVN's field
// names. Every answer is the result record or Rejected. A platform service in any language may send
// them as plain JSON.

/// <summary>FIP-2 (<c>OvnEip</c>): a floating IP for <c>Project</c> from the pool of <c>ExternalSubnet</c>
/// (the external network's pool name or id). The answer is <see cref="FipAllocation"/>.</summary>
public sealed record AllocateFip
{
    public required string Project { get; init; }
    public required string Name { get; init; }
    public required string ExternalSubnet { get; init; }
    /// <summary>A specific address of the pool; any free one when absent.</summary>
    public string? V4Ip { get; init; }
    /// <summary>COMMON-2: the same key again answers the same floating IP and records nothing.</summary>
    public string? IdempotencyKey { get; init; }
}

/// <summary>A granted floating IP.</summary>
public sealed record FipAllocation(string Name, string Project, string ExternalNetworkId, string ExternalSubnet, string V4Ip);

/// <summary>FIP-7: release a floating IP; refused with <c>FipHasRules</c> while rules use it unless <c>Cascade</c>.
/// The answer is <see cref="FipReleaseResult"/>.</summary>
public sealed record ReleaseFip
{
    public required string Project { get; init; }
    public required string Name { get; init; }
    public bool Cascade { get; init; }
}

/// <summary>What a release removed (empty when the floating IP was already gone).</summary>
public sealed record FipReleaseResult(string Name, bool Released, IReadOnlyList<string> RemovedRules);

/// <summary>
/// FIP-3: a rule on floating IP <c>OvnEip</c>. <c>Kind</c> is <c>eip</c> (<c>OvnFip</c>), <c>snat</c>
/// (<c>OvnSnatRule</c>) or <c>dnat</c> (<c>OvnDnatRule</c>). The internal side is <c>V4Ip</c>, or
/// <c>IpName</c> (<c>&lt;pod&gt;.&lt;namespace&gt;</c>); a snat may name <c>VpcSubnet</c> or a subnet's
/// <c>V4IpCidr</c>. The answer is <see cref="FipRule"/>.
/// </summary>
public sealed record AssociateFip
{
    public required string Project { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required string OvnEip { get; init; }
    public string? V4Ip { get; init; }
    public string? IpName { get; init; }
    public string? VpcSubnet { get; init; }
    public string? V4IpCidr { get; init; }
    public string? Vpc { get; init; }
    public string? Protocol { get; init; }
    public int? ExternalPort { get; init; }
    public int? InternalPort { get; init; }
}

/// <summary>A rule as the NAT programmer and the user see it.</summary>
public sealed record FipRule(
    string Name,
    string Kind,
    string OvnEip,
    string V4Eip,
    string Project,
    string? V4Ip,
    string? V4IpCidr,
    string Vpc,
    string Subnet,
    string? Protocol,
    int? ExternalPort,
    int? InternalPort,
    string GatewayNode,
    string? NatGateway);

/// <summary>Remove one rule; removing a rule that is gone is not an error. The answer is <see cref="DisassociationResult"/>.</summary>
public sealed record DisassociateFip
{
    public required string Project { get; init; }
    public required string Name { get; init; }
}

/// <summary>Whether the rule existed.</summary>
public sealed record DisassociationResult(string Name, bool Existed);
