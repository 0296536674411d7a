using FsCheck;
using FsCheck.Fluent;
using Mesh.Addressing;

namespace Mesh.Addressing.Tests;

public class PrefixIndexTests
{
    [Fact]
    public void Finds_containing_contained_and_equal_prefixes_but_not_disjoint_ones()
    {
        var index = new PrefixIndex<string>();
        foreach (var p in new[] { "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.2.0.0/16", "fd00::/64" })
        {
            index.Add(IpPrefix.Parse(p), p);
        }
        var hits = index.Overlapping(IpPrefix.Parse("10.1.0.0/16")).Select(h => h.Value).Order().ToArray();
        Assert.Equal(["10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24"], hits);
        Assert.Empty(index.Overlapping(IpPrefix.Parse("192.168.0.0/16")));
        Assert.Equal(["fd00::/64"], index.Overlapping(IpPrefix.Parse("fd00::/16")).Select(h => h.Value));
    }

    [Fact]
    public void Removed_prefixes_are_no_longer_found()
    {
        var index = new PrefixIndex<string>();
        index.Add(IpPrefix.Parse("10.0.0.0/24"), "a");
        Assert.True(index.Remove(IpPrefix.Parse("10.0.0.0/24"), "a"));
        Assert.False(index.Remove(IpPrefix.Parse("10.0.0.0/24"), "a"));
        Assert.Empty(index.Overlapping(IpPrefix.Parse("10.0.0.0/8")));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void The_index_agrees_with_a_pairwise_check_on_random_prefixes()
    {
        // Prefixes within 10.0.0.0/8 (and fd00::/8) with lengths 8..28 collide often enough to matter.
        var prefixGen =
            from v6 in Gen.Elements(false, true)
            from length in Gen.Choose(8, 28)
            from bits in Gen.Choose(0, int.MaxValue)
            select v6
                ? IpPrefix.Containing(new IpAddress(IpFamily.V6, ((UInt128)0xfd << 120) | ((UInt128)(uint)bits << 96)), length)
                : IpPrefix.Containing(new IpAddress(IpFamily.V4, (10u << 24) | ((uint)bits & 0xFFFFFF)), length);
        var casesGen =
            from stored in Gen.ListOf(prefixGen)
            from query in prefixGen
            select (stored, query);

        Prop.ForAll(casesGen.ToArbitrary(), c =>
        {
            var index = new PrefixIndex<int>();
            for (var i = 0; i < c.stored.Count; i++)
            {
                index.Add(c.stored[i], i);
            }
            var expected = Enumerable.Range(0, c.stored.Count).Where(i => c.stored[i].Overlaps(c.query)).ToArray();
            var actual = index.Overlapping(c.query).Select(h => h.Value).Order().ToArray();
            return expected.SequenceEqual(actual);
        }).QuickCheckThrowOnFailure();
    }
}
