namespace Mesh.Contracts.Leaks;

/// <summary>
/// IPAM-11, IPAM-11a, IPAM-11b: when a holder of node-bound resources (VFs, GPUs) may be reclaimed because its
/// pod is missing from its node's reports: missing from <see cref="Reports"/> consecutive reports, for longer
/// than <see cref="Grace"/> since the first, and never more than <see cref="MaxShare"/> (rounded up) of the
/// node's holders in one reclaim without an operator's confirmation. Section <c>Mesh:Leaks</c>.
/// </summary>
public sealed record LeakPolicy
{
    public const string Section = "Mesh:Leaks";

    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(5);

    public int Reports { get; set; } = 3;

    public double MaxShare { get; set; } = 0.5;

    public IEnumerable<string> Problems()
    {
        if (Grace <= TimeSpan.Zero)
        {
            yield return "Mesh:Leaks:Grace must be positive";
        }
        if (Reports < 1)
        {
            yield return "Mesh:Leaks:Reports must be at least 1";
        }
        if (MaxShare is <= 0 or > 1 || double.IsNaN(MaxShare))
        {
            yield return "Mesh:Leaks:MaxShare must be in (0, 1]";
        }
    }

    /// <summary>Whether reclaiming <paramref name="due"/> of a node's <paramref name="holders"/> at once needs an operator.</summary>
    public bool OverShare(int due, int holders) => due > Math.Ceiling(MaxShare * holders);
}

/// <summary>A node's report did not list the pod: <see cref="Reports"/> consecutive reports so far of the <see cref="Required"/>.</summary>
public sealed record PodLeakSuspected(string Node, string PodUid, DateTimeOffset At, int Reports, int Required);

/// <summary>The pod was listed again: its suspicion is dropped.</summary>
public sealed record PodLeakCleared(string Node, string PodUid, DateTimeOffset At);

/// <summary>
/// Holders due for reclaim were not reclaimed: together they are more than the node's allowed share of its
/// holders (an agent's list gone wrong looks like this). An operator confirms with meshctl reclaim confirm NODE.
/// </summary>
public sealed record PodReclaimWithheld(string Node, IReadOnlyList<string> PodUids, int NodeDue, int NodeHolders, double MaxShare, DateTimeOffset At);

/// <summary>The answer to an operator's reclaim confirmation: the pods whose holdings on the node went back.</summary>
public sealed record NodeReclaim(string Node, IReadOnlyList<string> Reclaimed);

/// <summary>What the ledger knows of one suspected pod.</summary>
public sealed record LeakMark(DateTimeOffset SuspectedAt, int Reports, DateTimeOffset ReportedAt, DateTimeOffset? WithheldAt = null);

/// <summary>
/// The pure bookkeeping of suspected pods on one node, kept in the node stream's state beside what the pods
/// hold. It decides events; <see cref="Apply"/> folds them. A pod's mark goes when its holding is released.
/// </summary>
public sealed class PodLeakLedger
{
    private readonly Dictionary<string, LeakMark> marks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, LeakMark> Marks => marks;

    /// <summary>Folds a ledger event; false for any other event.</summary>
    public bool Apply(object @event)
    {
        switch (@event)
        {
            case PodLeakSuspected e:
                marks[e.PodUid] = marks.TryGetValue(e.PodUid, out var m)
                    ? m with { Reports = e.Reports, ReportedAt = e.At }
                    : new LeakMark(e.At, e.Reports, e.At);
                return true;
            case PodLeakCleared e:
                marks.Remove(e.PodUid);
                return true;
            case PodReclaimWithheld e:
                foreach (var uid in e.PodUids)
                {
                    if (marks.TryGetValue(uid, out var w))
                    {
                        marks[uid] = w with { WithheldAt = e.At };
                    }
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>The pod no longer holds anything here.</summary>
    public void Forget(string podUid) => marks.Remove(podUid);

    public void Restore(IEnumerable<KeyValuePair<string, LeakMark>> saved)
    {
        foreach (var (uid, mark) in saved)
        {
            marks[uid] = mark;
        }
    }

    /// <summary>
    /// One report of the node's live pods against its <paramref name="holders"/>: suspicions, clearings, and
    /// then the reclaim it allows (<paramref name="reclaim"/> gives a holder's release events), or the
    /// withholding when it is over the share. With <paramref name="podsKnown"/> false the report proves nothing.
    /// </summary>
    public IReadOnlyList<object> Report(string node, IReadOnlyCollection<string> holders, IReadOnlySet<string> live, DateTimeOffset now,
        bool podsKnown, LeakPolicy policy, Func<string, IEnumerable<object>> reclaim)
    {
        if (!podsKnown)
        {
            return [];
        }
        var events = new List<object>();
        var after = new PodLeakLedger();
        after.Restore(marks);
        foreach (var uid in holders.Order(StringComparer.Ordinal))
        {
            var mark = marks.GetValueOrDefault(uid);
            object? e = live.Contains(uid)
                ? mark is null ? null : new PodLeakCleared(node, uid, now)
                : mark is not null && mark.ReportedAt >= now ? null // a repeated or older report proves nothing more
                : mark is null ? new PodLeakSuspected(node, uid, now, 1, policy.Reports)
                : mark.Reports < policy.Reports ? new PodLeakSuspected(node, uid, now, mark.Reports + 1, policy.Reports)
                : null;
            if (e is not null)
            {
                events.Add(e);
                after.Apply(e);
            }
        }
        events.AddRange(after.Reclaim(node, holders.Count, now, policy, confirmed: false, reclaim));
        return events;
    }

    /// <summary>The holders due now: enough reports, and past the grace period since the first.</summary>
    public IReadOnlyList<string> Due(DateTimeOffset now, LeakPolicy policy) => marks
        .Where(m => m.Value.Reports >= policy.Reports && now > m.Value.SuspectedAt + policy.Grace)
        .Select(m => m.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Releases what is due, or (over the share and not <paramref name="confirmed"/>) withholds the holders not
    /// yet withheld, once.
    /// </summary>
    public IReadOnlyList<object> Reclaim(string node, int holders, DateTimeOffset now, LeakPolicy policy, bool confirmed,
        Func<string, IEnumerable<object>> reclaim)
    {
        var due = Due(now, policy);
        if (due.Count == 0)
        {
            return [];
        }
        if (!confirmed && policy.OverShare(due.Count, holders))
        {
            var fresh = due.Where(uid => marks[uid].WithheldAt is null).ToList();
            return fresh.Count == 0 ? [] : [new PodReclaimWithheld(node, fresh, due.Count, holders, policy.MaxShare, now)];
        }
        return due.SelectMany(reclaim).ToList();
    }
}
