using System.Diagnostics;
using Mesh.Addressing;

namespace Mesh.Addressing.Tests;

public class AddressSetTests
{
    [Fact]
    public void Removing_from_the_middle_splits_a_range_and_adding_back_merges_it()
    {
        var set = new AddressSet();
        set.AddRange(10, 19);
        Assert.True(set.Remove(15));
        Assert.Equal(2, set.RangeCount);
        Assert.Equal((UInt128)9, set.Count);
        Assert.False(set.Contains(15));
        set.Add(15);
        Assert.Equal(1, set.RangeCount);
        Assert.Equal((UInt128)10, set.Count);
    }

    [Fact]
    public void Overlapping_and_adjacent_ranges_merge_into_one()
    {
        var set = new AddressSet();
        set.AddRange(0, 4);
        set.AddRange(10, 14);
        set.AddRange(5, 9);
        set.AddRange(3, 12);
        Assert.Single(set.Ranges);
        Assert.Equal((UInt128)15, set.Count);
        Assert.Equal((UInt128)0, set.Lowest());
    }

    [Fact]
    public void Removing_a_span_across_ranges_keeps_the_outer_parts()
    {
        var set = new AddressSet();
        set.AddRange(0, 9);
        set.AddRange(20, 29);
        set.RemoveRange(5, 24);
        Assert.Equal([new AddressRange(0, 4), new AddressRange(25, 29)], set.Ranges.ToArray());
        Assert.Equal((UInt128)10, set.Count);
        Assert.False(set.Remove(7));
    }

    [Fact]
    public void The_last_address_of_IPv6_is_representable()
    {
        var set = new AddressSet();
        set.AddRange(UInt128.MaxValue - 3, UInt128.MaxValue);
        set.Remove(UInt128.MaxValue);
        Assert.Equal((UInt128)3, set.Count);
        set.Add(UInt128.MaxValue);
        Assert.True(set.Contains(UInt128.MaxValue));
        Assert.Equal(1, set.RangeCount);
    }

    [Fact]
    public void A_fragmented_slash_8_stays_compact_and_whole_again_after_release()
    {
        var set = new AddressSet();
        set.AddRange(0, (1 << 24) - 1);
        for (UInt128 a = 0; a < 200_000; a += 2)
        {
            set.Remove(a * 7);
        }
        for (UInt128 a = 0; a < 200_000; a += 2)
        {
            set.Add(a * 7);
        }
        Assert.Equal((UInt128)(1 << 24), set.Count);
        Assert.Equal(1, set.RangeCount);
    }
}
