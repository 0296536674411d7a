namespace Mesh.Ipam.Domain.Commands;

/// <summary>
/// IPAM-11: a node agent's list of the pod uids alive on its node, taken at <c>Now</c>. It suspects and
/// clears; it never reclaims (that is <see cref="ReclaimLeaks"/>, after the node-wide share check).
/// <paramref name="PodsKnown"/> false: the agent has no pod source, so the list proves nothing (IPAM-11a).
/// </summary>
public sealed record ReportLivePods(
    string Subnet,
    string Node,
    IReadOnlySet<string> LivePodUids,
    DateTimeOffset Now,
    TimeSpan? Grace = null,
    int RequiredReports = 1,
    bool PodsKnown = true) : IpamCommand(Subnet, Now)
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromMinutes(5);

    public TimeSpan EffectiveGrace => Grace ?? DefaultGrace;
}

/// <summary>NODE-1: the node left the cluster: every allocation on it in this pool is released.</summary>
public sealed record ReleaseNode(string Subnet, string Node, DateTimeOffset Now) : IpamCommand(Subnet, Now);

/// <summary>
/// IPAM-11, IPAM-11a: release the node's allocations in this pool that are due (missing from
/// <paramref name="RequiredReports"/> consecutive reports and for longer than the grace period).
/// <paramref name="Withhold"/>: they are more than the node's allowed share, so record that instead
/// (<see cref="LeakReclaimWithheld"/>, once per allocation) and release nothing.
/// </summary>
public sealed record ReclaimLeaks(
    string Subnet,
    string Node,
    DateTimeOffset Now,
    TimeSpan Grace,
    int RequiredReports,
    ReclaimLeaks.Hold? Withhold = null) : IpamCommand(Subnet, Now)
{
    /// <summary>Why the reclaim is withheld: the node's due and total allocations, and the share allowed.</summary>
    public sealed record Hold(int NodeDue, int NodeAllocations, double MaxShare);
}
