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

public sealed record LeakSuspected(string Subnet, string PodUid, string Interface, string Node, DateTimeOffset At)
    : INodeScoped;

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
