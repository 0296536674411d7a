using Mesh.Fip.Domain.Addressing;
using Mesh.Fip.Domain.Model;

namespace Mesh.Fip.Domain.State;

// Turns a validated pool spec into its allocatable set (FIP-1).
public static class PoolAddresses
{
    public static RangeSet Allocatable(PoolSpec pool)
    {
        Ipv4Cidr.TryParse(pool.Cidr, out var cidr, out _);
        var ranges = pool.Ranges.Count == 0 ? [cidr.All] : Parse(pool.Ranges);
        IEnumerable<AddressRange> reserved = Parse(pool.Excludes);
        if (cidr.PrefixLength < 31)
        {
            reserved = reserved.Append(new AddressRange(cidr.Network, cidr.Network))
                .Append(new AddressRange(cidr.Broadcast, cidr.Broadcast));
        }
        if (Ipv4.TryParse(pool.Gateway, out var gateway))
        {
            reserved = reserved.Append(new AddressRange(gateway, gateway));
        }
        return RangeSet.Of(ranges).Except(RangeSet.Of(reserved));
    }

    private static List<AddressRange> Parse(IEnumerable<string> entries) =>
        [.. entries.Select(e => AddressRange.TryParse(e, out var r) ? r : default(AddressRange?))
            .Where(r => r is not null).Select(r => r!.Value)];
}
