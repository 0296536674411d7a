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
    /// IPAM-11: an allocation whose pod the node no longer runs is suspected once, reclaimed when it
    /// is still missing after the grace period, and cleared if the pod shows up again.
    /// </summary>
    public static Decision ReportLivePods(SubnetPool state, ReportLivePods c)
    {
        if (string.IsNullOrWhiteSpace(c.Node))
        {
            return IpamErrors.Missing("node");
        }
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
            else if (a.AllocatedAt > c.Now)
            {
                // The report was taken before this pod started: its absence proves nothing.
            }
            else if (a.LeakSuspectedAt is null)
            {
                events.Add(new LeakSuspected(state.Subnet, a.Owner.PodUid, a.Owner.Interface, c.Node, c.Now));
            }
            else if (c.Now > a.LeakSuspectedAt.Value + c.EffectiveGrace)
            {
                events.Add(Released(state, a, ReleaseReasons.LeakReclaimed, c.Now));
            }
        }
        return events.Count == 0 ? Decision.Nothing : Decision.Accept(events);
    }

    private static IpReleased Released(SubnetPool state, Allocation a, string reason, DateTimeOffset now) =>
        new(state.Subnet, a.Owner.PodUid, a.Owner.Interface, a.PodNamespace, a.PodName, a.Node,
            a.V4, a.V6, a.Mac, reason, now);
}
