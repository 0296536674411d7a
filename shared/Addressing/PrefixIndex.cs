namespace Mesh.Addressing;

// A binary trie per address family: a prefix of length L sits at depth L. The prefixes that
// overlap a query are exactly those on the path from the root to the query's node (ancestors and
// equal) plus those in its subtree (descendants), so a query costs O(bits + matches), not O(n).
// Mutated in place by Topology.Apply only; deciders just query it.
public sealed class PrefixIndex<T>
{
    private readonly Trie v4 = new();
    private readonly Trie v6 = new();

    public int Count { get; private set; }

    public void Add(IpPrefix prefix, T value)
    {
        TrieOf(prefix).Add(prefix, value);
        Count++;
    }

    public bool Remove(IpPrefix prefix, T value)
    {
        var removed = TrieOf(prefix).Remove(prefix, value);
        if (removed)
        {
            Count--;
        }
        return removed;
    }

    public IEnumerable<KeyValuePair<IpPrefix, T>> Overlapping(IpPrefix prefix) => TrieOf(prefix).Overlapping(prefix);

    public bool AnyOverlapping(IpPrefix prefix) => Overlapping(prefix).Any();

    private Trie TrieOf(IpPrefix prefix) => prefix.Family == IpFamily.V4 ? v4 : v6;

    private static int BitAt(IpPrefix prefix, int depth) =>
        (int)((prefix.Network.Value >> (prefix.Network.Bits - 1 - depth)) & UInt128.One);

    private sealed class Trie
    {
        // Node 0 is the root; children are indexes into these lists, -1 when absent. Removing a
        // value leaves its (empty) nodes in place: subnets change rarely, so the waste is bounded.
        private readonly List<int[]> children = [[-1, -1]];
        private readonly List<List<KeyValuePair<IpPrefix, T>>?> entries = [null];

        public void Add(IpPrefix prefix, T value)
        {
            var node = 0;
            for (var depth = 0; depth < prefix.Length; depth++)
            {
                var bit = BitAt(prefix, depth);
                if (children[node][bit] < 0)
                {
                    children[node][bit] = children.Count;
                    children.Add([-1, -1]);
                    entries.Add(null);
                }
                node = children[node][bit];
            }
            (entries[node] ??= []).Add(new(prefix, value));
        }

        public bool Remove(IpPrefix prefix, T value)
        {
            var node = Find(prefix, out var depth);
            if (depth != prefix.Length || entries[node] is not { } list)
            {
                return false;
            }
            var index = list.FindIndex(e => EqualityComparer<T>.Default.Equals(e.Value, value) && e.Key == prefix);
            if (index < 0)
            {
                return false;
            }
            list.RemoveAt(index);
            return true;
        }

        public IEnumerable<KeyValuePair<IpPrefix, T>> Overlapping(IpPrefix prefix)
        {
            var node = 0;
            for (var depth = 0; depth < prefix.Length; depth++)
            {
                if (entries[node] is { } above)
                {
                    foreach (var e in above)
                    {
                        yield return e;
                    }
                }
                node = children[node][BitAt(prefix, depth)];
                if (node < 0)
                {
                    yield break;
                }
            }
            var stack = new Stack<int>();
            stack.Push(node);
            while (stack.Count > 0)
            {
                var n = stack.Pop();
                if (entries[n] is { } here)
                {
                    foreach (var e in here)
                    {
                        yield return e;
                    }
                }
                foreach (var child in children[n])
                {
                    if (child >= 0)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        private int Find(IpPrefix prefix, out int depth)
        {
            var node = 0;
            for (depth = 0; depth < prefix.Length; depth++)
            {
                var next = children[node][BitAt(prefix, depth)];
                if (next < 0)
                {
                    return node;
                }
                node = next;
            }
            return node;
        }
    }
}
