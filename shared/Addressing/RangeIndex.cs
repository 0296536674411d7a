namespace Mesh.Addressing;

/// <summary>
/// Disjoint ranges ordered by start, kept in sorted chunks of at most <see cref="MaxChunk"/> (a
/// one-level B-tree). SortedSet was tried first, but its GetViewBetween counts the view on creation,
/// which made every floor lookup O(n). Here a lookup is two binary searches and an update moves at
/// most one chunk plus the chunk directory.
/// </summary>
internal sealed class RangeIndex
{
    private const int MaxChunk = 256;
    private readonly List<List<AddressRange>> chunks = [];

    public int Count { get; private set; }

    public AddressRange? Min => chunks.Count == 0 ? null : chunks[0][0];

    public IEnumerable<AddressRange> All => chunks.SelectMany(c => c);

    public AddressRange? Floor(UInt128 address) =>
        FloorIndex(address, out var c, out var i) ? chunks[c][i] : null;

    /// <summary>In order: the range holding or preceding <paramref name="lo"/>, then every range starting up to <paramref name="hi"/>.</summary>
    public IEnumerable<AddressRange> From(UInt128 lo, UInt128 hi)
    {
        var (c, i) = FloorIndex(lo, out var fc, out var fi) ? (fc, fi) : (0, 0);
        for (; c < chunks.Count; c++, i = 0)
        {
            for (; i < chunks[c].Count; i++)
            {
                if (chunks[c][i].Start > hi)
                {
                    yield break;
                }
                yield return chunks[c][i];
            }
        }
    }

    public void Insert(AddressRange range)
    {
        Count++;
        if (chunks.Count == 0)
        {
            chunks.Add([range]);
            return;
        }
        var (c, i) = FloorIndex(range.Start, out var fc, out var fi) ? (fc, fi + 1) : (0, 0);
        var chunk = chunks[c];
        chunk.Insert(i, range);
        if (chunk.Count > MaxChunk)
        {
            var half = chunk.Count / 2;
            chunks.Insert(c + 1, chunk.GetRange(half, chunk.Count - half));
            chunk.RemoveRange(half, chunk.Count - half);
        }
    }

    public void Remove(AddressRange range)
    {
        if (!FloorIndex(range.Start, out var c, out var i) || chunks[c][i].Start != range.Start)
        {
            return;
        }
        Count--;
        var chunk = chunks[c];
        chunk.RemoveAt(i);
        if (chunk.Count == 0)
        {
            chunks.RemoveAt(c);
        }
        else if (c + 1 < chunks.Count && chunk.Count + chunks[c + 1].Count <= MaxChunk / 2)
        {
            // Keep chunks from thinning out, so that the directory stays about n / MaxChunk long.
            chunk.AddRange(chunks[c + 1]);
            chunks.RemoveAt(c + 1);
        }
    }

    private bool FloorIndex(UInt128 address, out int chunk, out int index)
    {
        var c = LastAtOrBelow(chunks.Count, k => chunks[k][0].Start, address);
        var found = c < 0 ? null : chunks[c];
        (chunk, index) = (c, found is null ? -1 : LastAtOrBelow(found.Count, k => found[k].Start, address));
        return c >= 0;
    }

    private static int LastAtOrBelow(int count, Func<int, UInt128> startAt, UInt128 address)
    {
        int lo = 0, hi = count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (startAt(mid) <= address)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }
}
