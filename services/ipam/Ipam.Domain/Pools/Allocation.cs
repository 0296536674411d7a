using Mesh.Addressing;

namespace Mesh.Ipam.Domain.Pools;

/// <summary>
/// One owner's addresses in a pool: at most one per family (dual-stack), one MAC. <see cref="Generation"/>
/// is the stream version of its IpAllocated event, so that a repeated answer carries the same one.
/// </summary>
public sealed record Allocation(
    AllocationOwner Owner,
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
    DateTimeOffset AllocatedAt,
    DateTimeOffset? LeakSuspectedAt = null,
    long Generation = 0,
    int LeakReports = 0,
    DateTimeOffset? ReclaimWithheldAt = null,
    DateTimeOffset? LeakReportedAt = null)
{
    /// <summary>IPAM-11, IPAM-11a: missing from enough consecutive reports, and for longer than the grace period.</summary>
    public bool LeakDue(DateTimeOffset now, TimeSpan grace, int requiredReports) =>
        LeakSuspectedAt is { } since && LeakReports >= requiredReports && now > since + grace;

    public string? Address(IpFamily family) => family == IpFamily.V4 ? V4 : V6;

    /// <summary>"10.16.0.2,fd00::2": the shape of Kube-OVN's ip_address annotation.</summary>
    public string IpAddress => string.Join(',', new[] { V4, V6 }.Where(a => a is not null));

    public string Holder => $"pod {PodNamespace}/{PodName} (uid {Owner.PodUid}, interface {Owner.Interface})";
}
