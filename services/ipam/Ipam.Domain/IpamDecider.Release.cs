using Mesh.Contracts;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;

namespace Mesh.Ipam.Domain;

public static partial class IpamDecider
{
    /// <summary>IPAM-9: release by uid (every interface) or by (uid, interface); a second release is Nothing.</summary>
    public static Decision Release(SubnetPool state, ReleaseIp c)
    {
        if (string.IsNullOrWhiteSpace(c.PodUid))
        {
            return IpamErrors.Missing("podUid");
        }
        if (string.IsNullOrWhiteSpace(c.Reason))
        {
            return IpamErrors.Missing("reason");
        }
        var targets = c.Interface is null
            ? state.AllocationsOf(c.PodUid).ToList()
            : state.AllocationOf(c.PodUid, c.Interface) is { } one ? [one] : [];
        return targets.Count == 0
            ? Decision.Nothing
            : Decision.Accept(targets.Select(a => (object)Released(state, a, c.Reason, c.Now)).ToList());
    }

    /// <summary>
    /// IPAM-11: an allocation whose pod the node no longer runs is suspected, counted on each report that
    /// still misses it (IPAM-11a) and cleared if the pod shows up again. A report from an agent with no pod
    /// source proves nothing and changes nothing (IPAM-11a). Reclaim is <see cref="ReclaimLeaks"/>.
    /// </summary>
    public static Decision ReportLivePods(SubnetPool state, ReportLivePods c)
    {
        if (string.IsNullOrWhiteSpace(c.Node))
        {
            return IpamErrors.Missing("node");
        }
        if (!c.PodsKnown)
        {
            return Decision.Nothing;
        }
        var required = Math.Max(1, c.RequiredReports);
        var events = new List<object>();
        foreach (var a in state.AllocationsOn(c.Node).OrderBy(a => a.Owner.PodUid, StringComparer.Ordinal)
                     .ThenBy(a => a.Owner.Interface, StringComparer.Ordinal))
        {
            var alive = c.LivePodUids.Contains(a.Owner.PodUid);
            if (alive)
            {
                if (a.LeakSuspectedAt is not null)
                {
                    events.Add(new LeakCleared(state.Subnet, a.Owner.PodUid, a.Owner.Interface, c.Node, c.Now));
                }
            }
            else if (a.AllocatedAt > c.Now || (a.LeakReportedAt ?? a.LeakSuspectedAt) >= c.Now)
            {
                // Taken before this pod started, or not after the last counted report (a copy, or a late one): it proves nothing more.
            }
            else if (a.LeakSuspectedAt is null || a.LeakReports < required)
            {
                events.Add(new LeakSuspected(state.Subnet, a.Owner.PodUid, a.Owner.Interface, c.Node, c.Now,
                    a.LeakSuspectedAt is null ? 1 : a.LeakReports + 1, required));
            }
        }
        return Decision.AcceptAny(events);
    }

    /// <summary>IPAM-11, IPAM-11a: the due allocations of a node in this pool, released or (over the share) withheld.</summary>
    public static Decision ReclaimLeaks(SubnetPool state, ReclaimLeaks c)
    {
        if (string.IsNullOrWhiteSpace(c.Node))
        {
            return IpamErrors.Missing("node");
        }
        var due = Due(state, c.Node, c.Now, c.Grace, c.RequiredReports).ToList();
        if (c.Withhold is { } hold)
        {
            var fresh = due.Where(a => a.ReclaimWithheldAt is null).Select(a => a.Owner.ToString()).ToList();
            return fresh.Count == 0
                ? Decision.Nothing
                : Decision.Accept([new LeakReclaimWithheld(state.Subnet, c.Node, fresh, hold.NodeDue, hold.NodeAllocations, hold.MaxShare, c.Now)]);
        }
        return Decision.AcceptAny(due.Select(a => (object)Released(state, a, ReleaseReasons.LeakReclaimed, c.Now)).ToList());
    }

    /// <summary>NODE-1: every allocation on a removed node goes back with reason NodeRemoved; a second removal is Nothing.</summary>
    public static Decision ReleaseNode(SubnetPool state, ReleaseNode c)
    {
        if (string.IsNullOrWhiteSpace(c.Node))
        {
            return IpamErrors.Missing("node");
        }
        var held = state.AllocationsOn(c.Node).OrderBy(a => a.Owner.PodUid, StringComparer.Ordinal)
            .ThenBy(a => a.Owner.Interface, StringComparer.Ordinal).ToList();
        return Decision.AcceptAny(held.Select(a => (object)Released(state, a, ReleaseReasons.NodeRemoved, c.Now)).ToList());
    }

    /// <summary>The node's allocations in this pool that may be reclaimed now.</summary>
    public static IEnumerable<Allocation> Due(SubnetPool state, string node, DateTimeOffset now, TimeSpan grace, int requiredReports) =>
        state.AllocationsOn(node).Where(a => a.LeakDue(now, grace, Math.Max(1, requiredReports)))
            .OrderBy(a => a.Owner.PodUid, StringComparer.Ordinal).ThenBy(a => a.Owner.Interface, StringComparer.Ordinal);

    private static IpReleased Released(SubnetPool state, Allocation a, string reason, DateTimeOffset now) =>
        new(state.Subnet, a.Owner.PodUid, a.Owner.Interface, a.PodNamespace, a.PodName, a.Node,
            a.V4, a.V6, a.Mac, reason, now);
}
