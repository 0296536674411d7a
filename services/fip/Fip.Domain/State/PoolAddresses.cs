using Mesh.Addressing;
using Mesh.Fip.Domain.Model;

namespace Mesh.Fip.Domain.State;

// Turns a validated pool spec into its allocatable set (FIP-1).
public static class PoolAddresses
{
    public static AddressSet Allocatable(PoolSpec pool)
    {
        IpPrefix.TryParse(pool.Cidr, out var cidr);
        var set = AddressSet.Of(pool.Ranges.Count == 0 ? [cidr.Range] : Parse(pool.Ranges));
        foreach (var r in Parse(pool.Excludes))
        {
            set.RemoveRange(r.Start.Value, r.End.Value);
        }
        if (cidr.Length < 31)
        {
            set.Remove(cidr.First.Value);
            set.Remove(cidr.Last.Value);
        }
        if (IpAddress.TryParse(pool.Gateway, IpFamily.V4, out var gateway))
        {
            set.Remove(gateway.Value);
        }
        return set;
    }

    private static List<IpRange> Parse(IEnumerable<string> entries) =>
        [.. entries.Select(e => IpRange.TryParseWithCidr(e, out var r, out _) ? r : default(IpRange?))
            .Where(r => r is not null).Select(r => r!.Value)];
}
