namespace Mesh.Ipam.Domain.Pools;

/// <summary>
/// A pool's whole state at <see cref="Version"/>, for snapshots: the free sets are not stored because
/// they follow from the spec minus the holders (the invariant of <see cref="FamilyPool"/>).
/// </summary>
public sealed record PoolSnapshot(
    string Subnet,
    PoolStatus Status,
    long Version,
    string Vpc,
    string CidrBlock,
    string Provider,
    string Gateway,
    IReadOnlyList<string> ExcludeIps,
    IReadOnlyList<string> ProjectIds,
    IReadOnlyList<string> Namespaces,
    IReadOnlyList<Allocation> Allocations,
    IReadOnlyList<PoolSnapshot.StickyEntry> Sticky,
    IReadOnlyList<PoolSnapshot.ReleasedEntry> Released,
    IReadOnlyList<PoolSnapshot.WarnedEntry> Warned,
    long Generation = 0)
{
    /// <summary>IPAM-10 memory: the last allocation under (key, interface), kept after release.</summary>
    public sealed record StickyEntry(string Key, string Interface, Allocation Allocation);

    /// <summary>IPAM-8: when a free address was last released.</summary>
    public sealed record ReleasedEntry(string Address, DateTimeOffset At);

    /// <summary>IPAM-12: a threshold already warned about, per family ("IPv4"/"IPv6").</summary>
    public sealed record WarnedEntry(string Family, int Threshold);
}
