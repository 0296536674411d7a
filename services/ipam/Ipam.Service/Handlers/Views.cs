namespace Mesh.Ipam.Service.Handlers;

// Query answers (JSON, camelCase). Counts are strings: IPv6 counts do not fit a JSON number.

public sealed record AllocationView(
    string Subnet, string PodUid, string Interface, string PodNamespace, string PodName, string Node, string Project,
    string? V4, string? V6, string Mac, DateTimeOffset AllocatedAt, long Generation);

public sealed record HistoryEntry(
    string Ip, string Subnet, string PodUid, string PodNamespace, string PodName, string Interface, string Node, string Project,
    string Mac, DateTimeOffset AllocatedAt, long AllocatedPosition, string AllocatedBy, string? AllocatedCommand, Guid? CorrelationId,
    DateTimeOffset? ReleasedAt, long? ReleasedPosition, string? ReleasedBy, string? ReleaseReason);

public sealed record AddressHistory(string Ip, DateTimeOffset? At, IReadOnlyList<HistoryEntry> HeldAt, IReadOnlyList<HistoryEntry> History);

public sealed record FamilyUsage(string Family, string Cidr, string Total, string Used, string Free, double Percent);

public sealed record SubnetUsage(string Subnet, string Vpc, string Status, int Allocations, IReadOnlyList<FamilyUsage> Families)
{
    /// <summary>POOL-2: the spec the pool applies, to compare with the VPC service's.</summary>
    public string CidrBlock { get; init; } = "";

    public string Gateway { get; init; } = "";

    public IReadOnlyList<string> ExcludeIps { get; init; } = [];
}

public sealed record LiveReport(IReadOnlyList<string> PodUids, DateTimeOffset? ObservedAt, string? PodSource = null);

