using Mesh.Addressing;

namespace Mesh.Ipam.Domain.Pools;

public sealed partial class SubnetPool
{
    /// <summary>The state as a snapshot: O(allocations + released + ranges), never O(CIDR size).</summary>
    public PoolSnapshot ToSnapshot() => new(
        Subnet, Status, Version, Vpc, CidrBlock, Provider, Gateway, ExcludeIps, ProjectIds, Namespaces,
        [.. allocations.Values],
        [.. sticky.Select(p => new PoolSnapshot.StickyEntry(p.Key.Key, p.Key.Interface, p.Value))],
        [.. Families.SelectMany(f => f.ReleasedAt.Select(p => new PoolSnapshot.ReleasedEntry(new IpAddress(f.Family, p.Key).ToString(), p.Value)))],
        [.. Families.SelectMany(f => f.Warned.Select(t => new PoolSnapshot.WarnedEntry(f.Family.Name(), t)))],
        Generation);

    /// <summary>The state a snapshot was taken of; replaying the tail after it continues as if never stopped.</summary>
    public static SubnetPool FromSnapshot(PoolSnapshot s)
    {
        var pool = new SubnetPool(s.Subnet);
        if (s.Status != PoolStatus.Absent)
        {
            pool.Created(new PoolCreated(s.Subnet, s.Vpc, s.CidrBlock, s.Gateway, s.ExcludeIps, s.Provider, s.ProjectIds, s.Namespaces, default));
        }
        pool.Status = s.Status;
        pool.Version = s.Version;
        pool.Generation = s.Generation;
        foreach (var a in s.Allocations)
        {
            pool.allocations[a.Owner] = a;
            Index(pool.interfacesByUid, a.Owner.PodUid).Add(a.Owner.Interface);
            Index(pool.ownersByNode, a.Node).Add(a.Owner);
            pool.macs[a.Mac] = a.Owner;
            TakeOrGive(a.V4, v => pool.V4!.Take(v, a.Owner));
            TakeOrGive(a.V6, v => pool.V6!.Take(v, a.Owner));
        }
        foreach (var e in s.Sticky)
        {
            pool.sticky[(e.Key, e.Interface)] = e.Allocation;
        }
        foreach (var r in s.Released)
        {
            if (IpAddress.TryParse(r.Address, out var released) && pool.Family(released.Family) is { } f)
            {
                f.ReleasedAt[released.Value] = r.At;
            }
        }
        foreach (var w in s.Warned)
        {
            pool.Family(IpFamilies.FromName(w.Family) ?? IpFamily.V6)?.Warned.Add(w.Threshold);
        }
        return pool;
    }
}
