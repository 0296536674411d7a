using Mesh.Addressing;

namespace Mesh.Ipam.Domain.Pools;

/// <summary>
/// The addresses of one family of a subnet. Invariant: every allocatable address is in exactly one
/// of <see cref="Free"/> and the holders; reserved addresses are in neither. Only Apply mutates it.
/// </summary>
public sealed class FamilyPool
{
    internal FamilyPool(FamilySpec spec)
    {
        Spec = spec;
        Reserved = spec.Reserved();
        Free.AddRange(spec.Cidr.First.Value, spec.Cidr.Last.Value);
        foreach (var r in Reserved.Ranges)
        {
            Free.RemoveRange(r.Start, r.End);
        }
    }

    internal FamilySpec Spec { get; private set; }

    internal AddressSet Free { get; } = new();

    internal AddressSet Reserved { get; private set; }

    internal Dictionary<UInt128, AllocationOwner> Holders { get; } = [];

    /// <summary>When each address was last released: IPAM-8 quarantine is measured from here.</summary>
    internal Dictionary<UInt128, DateTimeOffset> ReleasedAt { get; } = [];

    /// <summary>IPAM-12 thresholds already warned about; re-armed when usage drops below them.</summary>
    internal HashSet<int> Warned { get; } = [];

    public IpFamily Family => Spec.Family;

    public IpPrefix Cidr => Spec.Cidr;

    public string Gateway => new IpAddress(Family, Spec.Gateway).ToString();

    public PoolUsage Usage => new(Family, Free.Count + (UInt128)Holders.Count, (UInt128)Holders.Count, Free.Count);

    /// <summary>How fragmented the free space is: memory and cost grow with this, not with the CIDR size.</summary>
    public int FreeRangeCount => Free.RangeCount;

    public bool IsReserved(UInt128 address) => Reserved.Contains(address);

    internal bool InQuarantine(UInt128 address, DateTimeOffset now, TimeSpan quarantine, out DateTimeOffset until)
    {
        until = default;
        if (quarantine <= TimeSpan.Zero || !ReleasedAt.TryGetValue(address, out var at))
        {
            return false;
        }
        until = at + quarantine;
        return until > now;
    }

    internal void Take(UInt128 address, AllocationOwner owner)
    {
        Free.Remove(address);
        Holders[address] = owner;
        ReleasedAt.Remove(address);
    }

    internal void Give(UInt128 address, DateTimeOffset at)
    {
        if (Holders.Remove(address))
        {
            Free.Add(address);
            ReleasedAt[address] = at;
        }
    }

    /// <summary>PoolUpdated: addresses no longer reserved become free, newly reserved ones leave the free set.</summary>
    internal void Respec(FamilySpec spec)
    {
        var next = spec.Reserved();
        var unreserved = Reserved.Copy();
        foreach (var r in next.Ranges)
        {
            unreserved.RemoveRange(r.Start, r.End);
            Free.RemoveRange(r.Start, r.End);
        }
        foreach (var r in unreserved.Ranges)
        {
            Free.AddRange(r.Start, r.End);
        }
        Spec = spec;
        Reserved = next;
    }

    internal void Rearm()
    {
        var usage = Usage;
        Warned.RemoveWhere(t => !PoolUsage.Reaches(usage.Used, usage.Total, t));
    }
}
