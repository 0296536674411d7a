namespace Mesh.Fip.Domain.Addressing;

// A set of IPv4 addresses kept as sorted, disjoint, non-adjacent ranges, so that a /16 pool
// costs a handful of objects rather than 65 536.
public sealed class RangeSet
{
    public static readonly RangeSet Empty = new([]);

    private readonly AddressRange[] ranges;

    private RangeSet(AddressRange[] normalised) => ranges = normalised;

    public IReadOnlyList<AddressRange> Ranges => ranges;

    public ulong Count => ranges.Aggregate(0UL, (sum, r) => sum + r.Count);

    public bool IsEmpty => ranges.Length == 0;

    public static RangeSet Of(IEnumerable<AddressRange> input)
    {
        var merged = new List<AddressRange>();
        foreach (var r in input.OrderBy(r => r.Start))
        {
            if (merged.Count > 0 && (ulong)r.Start <= (ulong)merged[^1].End + 1)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Math.Max(last.End, r.End) };
            }
            else
            {
                merged.Add(r);
            }
        }
        return new RangeSet([.. merged]);
    }

    public static RangeSet Of(IEnumerable<uint> addresses) => Of(addresses.Select(a => new AddressRange(a, a)));

    public bool Contains(uint address)
    {
        int lo = 0, hi = ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (address < ranges[mid].Start)
            {
                hi = mid - 1;
            }
            else if (address > ranges[mid].End)
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }
        return false;
    }

    public RangeSet Except(RangeSet other)
    {
        var result = new List<AddressRange>();
        var j = 0;
        foreach (var r in ranges)
        {
            ulong start = r.Start;
            while (j < other.ranges.Length && other.ranges[j].End < start)
            {
                j++;
            }
            var k = j;
            while (start <= r.End && k < other.ranges.Length && other.ranges[k].Start <= r.End)
            {
                var cut = other.ranges[k];
                if (cut.Start > start)
                {
                    result.Add(new AddressRange((uint)start, cut.Start - 1));
                }
                start = Math.Max(start, (ulong)cut.End + 1);
                k++;
            }
            if (start <= r.End)
            {
                result.Add(new AddressRange((uint)start, r.End));
            }
        }
        return new RangeSet([.. result]);
    }

    // The lowest address in the set, if any.
    public uint? First => ranges.Length == 0 ? null : ranges[0].Start;

    public override string ToString() => string.Join(",", ranges);
}
