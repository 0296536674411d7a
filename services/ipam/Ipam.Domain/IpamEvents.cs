using Mesh.Contracts;

namespace Mesh.Ipam.Domain;

// Stream "subnet-pool-<subnet>". Addresses and counts are strings so that any language reads them
// (IPv6 counts exceed 2^53). Stored type names are in IpamEventTypes and never change.

public sealed record PoolCreated(
    string Subnet,
    string Vpc,
    string CidrBlock,
    string Gateway,
    IReadOnlyList<string> ExcludeIps,
    string Provider,
    IReadOnlyList<string> ProjectIds,
    IReadOnlyList<string> Namespaces,
    DateTimeOffset At,
    long Generation = 0);

public sealed record PoolUpdated(
    string Subnet,
    string Gateway,
    IReadOnlyList<string> ExcludeIps,
    IReadOnlyList<string> ProjectIds,
    IReadOnlyList<string> Namespaces,
    DateTimeOffset At,
    long Generation = 0);

public sealed record IpAllocated(
    string Subnet,
    string PodUid,
    string Interface,
    string PodNamespace,
    string PodName,
    string Node,
    string Provider,
    string Project,
    string? V4,
    string? V6,
    string Mac,
    string? StickyKey,
    bool Static,
    DateTimeOffset At) : INodeScoped;

public sealed record IpReleased(
    string Subnet,
    string PodUid,
    string Interface,
    string PodNamespace,
    string PodName,
    string Node,
    string? V4,
    string? V6,
    string Mac,
    string Reason,
    DateTimeOffset At) : INodeScoped;

/// <summary>
/// IPAM-11, IPAM-11a: a node's report did not list the pod; <see cref="Reports"/> consecutive reports so far
/// of the <see cref="Required"/> before its addresses may be reclaimed (1 of 1 in events written before IPAM-11a).
/// </summary>
public sealed record LeakSuspected(string Subnet, string PodUid, string Interface, string Node, DateTimeOffset At, int Reports = 1, int Required = 1)
    : INodeScoped;

/// <summary>
/// IPAM-11a: addresses due for reclaim on a node were not reclaimed because they are more than the allowed
/// share of the node's allocations in one reclaim; an operator confirms with meshctl reclaim confirm NODE.
/// </summary>
public sealed record LeakReclaimWithheld(
    string Subnet,
    string Node,
    IReadOnlyList<string> Pods,
    int NodeDue,
    int NodeAllocations,
    double MaxShare,
    DateTimeOffset At);

public sealed record LeakCleared(string Subnet, string PodUid, string Interface, string Node, DateTimeOffset At)
    : INodeScoped;

public sealed record SubnetUsageWarning(
    string Subnet,
    string Family,
    int Threshold,
    string Used,
    string Total,
    double Percent,
    DateTimeOffset At);

public sealed record PoolDeletionRequested(string Subnet, DateTimeOffset At);

public sealed record PoolDeletionAborted(string Subnet, DateTimeOffset At);

public sealed record PoolDeleted(string Subnet, DateTimeOffset At);
