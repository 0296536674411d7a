namespace Mesh.Contracts.Ipam;

// Events the IPAM service publishes. Address events are node-scoped (routing key node.<name>), so a
// node agent binds only its own. Counts are strings: IPv6 counts do not fit a JSON number.

/// <summary>An address was given to a pod interface. <c>Generation</c> orders allocations of one address.</summary>
public sealed record AddressAllocated(
    string Node,
    string PodUid,
    string PodNamespace,
    string PodName,
    string Interface,
    string Subnet,
    string Vpc,
    string IpAddress,
    string MacAddress,
    string Project,
    long Generation) : INodeScoped;

/// <summary>An address was released (<c>Reason</c>: PodDeleted, LeakReclaimed, Compensation, ...).</summary>
public sealed record AddressReleased(
    string Node,
    string PodUid,
    string Interface,
    string Subnet,
    string Vpc,
    string IpAddress,
    string Reason,
    long Generation) : INodeScoped;

/// <summary>A subnet's usage changed (for the VPC service's <c>status</c>: v4availableIPs, v4usingIPs, ...).</summary>
/// <remarks><c>PoolVersion</c> is the pool's stream version the counts were read at: a report is newer than another when its
/// version is higher, so a late or reordered copy never rolls a subnet's status back (0: an older sender, no order).</remarks>
public sealed record SubnetUsageChanged(string Subnet, string V4AvailableIps, string V4UsingIps, string V6AvailableIps, string V6UsingIps,
    long PoolVersion = 0);

/// <summary>IPAM-12: usage crossed 50, 80 or 100 percent.</summary>
public sealed record SubnetUsageWarning(string Subnet, int Threshold, double Percent, string Total, string Used);

/// <summary>Saga answer: the pool is empty and closed to allocations.</summary>
public sealed record SubnetDeletionPrepared(string Subnet, Guid SagaId);

/// <summary>POOL-2 answer: the pool applies the subnet change (or already did).</summary>
public sealed record SubnetChangeAccepted(string Subnet, Guid SagaId);

/// <summary>POOL-2 answer: the pool refuses the subnet change, for this reason (an excludeIps entry over a held address names its holder).</summary>
public sealed record SubnetChangeRefused(string Subnet, Guid SagaId, string Code, string Message, string? Field, string? Value, string? Remedy);

/// <summary>Saga answer: the pool holds addresses; the subnet must stay (SUB-9).</summary>
public sealed record SubnetDeletionRefused(string Subnet, Guid SagaId, long Allocated, IReadOnlyList<string> Holders);
