using Mesh.Addressing;

namespace Mesh.Ipam.Domain.Pools;

public sealed partial class SubnetPool
{
    /// <summary>Evolves the state in place. Events are facts: they were validated when decided.</summary>
    public void Apply(object @event)
    {
        switch (@event)
        {
            case PoolCreated e: Created(e); break;
            case PoolUpdated e: Updated(e); break;
            case IpAllocated e: Allocated(e); break;
            case IpReleased e: Released(e); break;
            case LeakSuspected e: Suspect(e.PodUid, e.Interface, e.At, e.Reports); break;
            case LeakCleared e: Suspect(e.PodUid, e.Interface, null, 0); break;
            case LeakReclaimWithheld e: Withheld(e); break;
            case SubnetUsageWarning e: Family(IpFamilies.FromName(e.Family) ?? IpFamily.V6)?.Warned.Add(e.Threshold); break;
            case PoolDeletionRequested: Status = PoolStatus.Closing; break;
            case PoolDeletionAborted: Status = PoolStatus.Open; break;
            case PoolDeleted: Status = PoolStatus.Deleted; break;
            default: throw new ArgumentException($"not an IPAM pool event: {@event.GetType().Name}", nameof(@event));
        }
        Version++;
    }

    private void Created(PoolCreated e)
    {
        var (v4, v6) = Parse(e.CidrBlock, e.Gateway, e.ExcludeIps);
        allocations.Clear();
        interfacesByUid.Clear();
        ownersByNode.Clear();
        macs.Clear();
        sticky.Clear();
        Status = PoolStatus.Open;
        (Vpc, CidrBlock, Provider, Gateway) = (e.Vpc, e.CidrBlock, e.Provider, e.Gateway);
        (ExcludeIps, ProjectIds, Namespaces) = (e.ExcludeIps, e.ProjectIds, e.Namespaces);
        Generation = Math.Max(Generation, e.Generation);
        V4 = v4 is null ? null : new FamilyPool(v4);
        V6 = v6 is null ? null : new FamilyPool(v6);
    }

    private void Updated(PoolUpdated e)
    {
        var (v4, v6) = Parse(CidrBlock, e.Gateway, e.ExcludeIps);
        (Gateway, ExcludeIps, ProjectIds, Namespaces) = (e.Gateway, e.ExcludeIps, e.ProjectIds, e.Namespaces);
        Generation = Math.Max(Generation, e.Generation);
        if (v4 is not null)
        {
            V4?.Respec(v4);
        }
        if (v6 is not null)
        {
            V6?.Respec(v6);
        }
        foreach (var f in Families)
        {
            f.Rearm();
        }
    }

    private void Allocated(IpAllocated e)
    {
        var owner = new AllocationOwner(e.PodUid, e.Interface);
        var allocation = new Allocation(owner, e.PodNamespace, e.PodName, e.Node, e.Provider, e.Project,
            e.V4, e.V6, e.Mac, e.StickyKey, e.Static, e.At, Generation: Version + 1);
        allocations[owner] = allocation;
        Index(interfacesByUid, e.PodUid).Add(e.Interface);
        Index(ownersByNode, e.Node).Add(owner);
        macs[e.Mac] = owner;
        TakeOrGive(e.V4, a => V4!.Take(a, owner));
        TakeOrGive(e.V6, a => V6!.Take(a, owner));
        if (e.StickyKey is not null)
        {
            sticky[(e.StickyKey, e.Interface)] = allocation;
        }
    }

    private void Released(IpReleased e)
    {
        var owner = new AllocationOwner(e.PodUid, e.Interface);
        if (!allocations.Remove(owner, out var allocation))
        {
            return;
        }
        Unindex(interfacesByUid, e.PodUid, e.Interface);
        Unindex(ownersByNode, allocation.Node, owner);
        macs.Remove(allocation.Mac);
        TakeOrGive(allocation.V4, a => V4!.Give(a, e.At));
        TakeOrGive(allocation.V6, a => V6!.Give(a, e.At));
        foreach (var f in Families)
        {
            f.Rearm();
        }
    }

    private void Suspect(string podUid, string iface, DateTimeOffset? at, int reports)
    {
        var owner = new AllocationOwner(podUid, iface);
        if (allocations.TryGetValue(owner, out var a))
        {
            // The first suspicion starts the grace period; later reports only count.
            allocations[owner] = at is null
                ? a with { LeakSuspectedAt = null, LeakReports = 0, ReclaimWithheldAt = null, LeakReportedAt = null }
                : a with { LeakSuspectedAt = a.LeakSuspectedAt ?? at, LeakReports = reports, LeakReportedAt = at };
        }
    }

    private void Withheld(LeakReclaimWithheld e)
    {
        foreach (var pod in e.Pods)
        {
            var owner = AllocationOwner.Parse(pod);
            if (allocations.TryGetValue(owner, out var a))
            {
                allocations[owner] = a with { ReclaimWithheldAt = e.At };
            }
        }
    }

    private static void TakeOrGive(string? address, Action<UInt128> act)
    {
        if (IpAddress.TryParse(address, out var parsed))
        {
            act(parsed.Value);
        }
    }

    private static HashSet<T> Index<T>(Dictionary<string, HashSet<T>> index, string key)
    {
        if (!index.TryGetValue(key, out var set))
        {
            index[key] = set = [];
        }
        return set;
    }

    private static void Unindex<T>(Dictionary<string, HashSet<T>> index, string key, T value)
    {
        if (index.TryGetValue(key, out var set) && set.Remove(value) && set.Count == 0)
        {
            index.Remove(key);
        }
    }

    private (FamilySpec? V4, FamilySpec? V6) Parse(string cidrBlock, string gateway, IReadOnlyList<string> excludes)
    {
        var error = PoolSpecParser.TryParse(Subnet, cidrBlock, gateway, excludes, out var v4, out var v6);
        return error is null ? (v4, v6) : throw new InvalidOperationException($"stored pool spec is invalid: {error}");
    }
}
