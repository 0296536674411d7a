namespace Mesh.Addressing;

/// <summary>
/// A set of addresses of one family kept as sorted disjoint ranges, so that a /8 or a /64 costs one
/// range, not one object per address, and every operation costs a binary search plus the ranges it
/// touches. Members are the addresses' values; the family is the caller's (one set per family).
/// </summary>
public sealed class AddressSet
{
    private readonly RangeIndex ranges = new();

    public UInt128 Count { get; private set; }

    public int RangeCount => ranges.Count;

    public IEnumerable<AddressRange> Ranges => ranges.All;

    public bool IsEmpty => ranges.Count == 0;

    public AddressSet Copy()
    {
        var copy = new AddressSet();
        foreach (var r in ranges.All)
        {
            copy.AddRange(r.Start, r.End);
        }
        return copy;
    }

    /// <summary>The union of <paramref name="ranges"/> (of one family).</summary>
    public static AddressSet Of(IEnumerable<IpRange> ranges)
    {
        var set = new AddressSet();
        foreach (var r in ranges)
        {
            set.AddRange(r.Start.Value, r.End.Value);
        }
        return set;
    }

    /// <summary>A new set: the members of this one that <paramref name="other"/> does not hold.</summary>
    public AddressSet Except(AddressSet other)
    {
        var result = Copy();
        foreach (var r in other.ranges.All)
        {
            result.RemoveRange(r.Start, r.End);
        }
        return result;
    }

    /// <summary>The members as ranges of <paramref name="family"/>.</summary>
    public IEnumerable<IpRange> RangesOf(IpFamily family) =>
        ranges.All.Select(r => new IpRange(new IpAddress(family, r.Start), new IpAddress(family, r.End)));

    /// <summary>Kube-OVN's excludeIps spelling of the members: "a..b,c".</summary>
    public string Format(IpFamily family) => string.Join(",", RangesOf(family));

    public bool Contains(UInt128 address) => ranges.Floor(address) is { } r && r.End >= address;

    public UInt128? Lowest() => ranges.Min?.Start;

    /// <summary>Lazily walks the members upwards; callers stop at the first one they accept.</summary>
    public IEnumerable<UInt128> Ascending()
    {
        foreach (var r in ranges.All)
        {
            for (var a = r.Start; ; a++)
            {
                yield return a;
                if (a == r.End)
                {
                    break;
                }
            }
        }
    }

    public void Add(UInt128 address) => AddRange(address, address);

    public void AddRange(UInt128 start, UInt128 end)
    {
        if (start > end)
        {
            return;
        }
        // Neighbours that touch the new range are merged so that ranges stay maximal.
        var lo = start == UInt128.Zero ? start : start - 1;
        var hi = end == UInt128.MaxValue ? end : end + 1;
        var (s, e) = (start, end);
        foreach (var r in Touching(lo, hi))
        {
            ranges.Remove(r);
            Count -= r.Count;
            s = UInt128.Min(s, r.Start);
            e = UInt128.Max(e, r.End);
        }
        ranges.Insert(new AddressRange(s, e));
        Count += e - s + 1;
    }

    /// <summary>Removes one address; false when it was not a member.</summary>
    public bool Remove(UInt128 address)
    {
        if (!Contains(address))
        {
            return false;
        }
        RemoveRange(address, address);
        return true;
    }

    public void RemoveRange(UInt128 start, UInt128 end)
    {
        if (start > end)
        {
            return;
        }
        foreach (var r in Touching(start, end))
        {
            ranges.Remove(r);
            Count -= r.Count;
            if (r.Start < start)
            {
                Keep(r.Start, start - 1);
            }
            if (r.End > end)
            {
                Keep(end + 1, r.End);
            }
        }
    }

    private void Keep(UInt128 start, UInt128 end)
    {
        ranges.Insert(new AddressRange(start, end));
        Count += end - start + 1;
    }

    /// <summary>The ranges that overlap [lo, hi], copied so that the caller may change the index.</summary>
    private List<AddressRange> Touching(UInt128 lo, UInt128 hi) =>
        ranges.From(lo, hi).Where(r => r.End >= lo).ToList();
}
