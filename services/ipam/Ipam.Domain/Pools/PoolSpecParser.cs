using Mesh.Contracts;
using Mesh.Ipam.Domain.Addressing;

namespace Mesh.Ipam.Domain.Pools;

/// <summary>Parses cidrBlock, gateway and excludeIps the way a Kube-OVN Subnet spec writes them.</summary>
internal static class PoolSpecParser
{
    public static MeshError? TryParse(
        string subnet, string cidrBlock, string? gateway, IReadOnlyList<string> excludeIps,
        out FamilySpec? v4, out FamilySpec? v6)
    {
        v4 = v6 = null;
        var cidrs = new Dictionary<IpFamily, Cidr>();
        foreach (var part in (cidrBlock ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Cidr.TryParse(part, out var cidr, out var normalised))
            {
                return IpamErrors.InvalidCidr(part, normalised, "expected address/prefix");
            }
            if (!cidrs.TryAdd(cidr.Family, cidr))
            {
                return IpamErrors.InvalidCidr(cidrBlock, null, "at most one CIDR per family");
            }
            // SUB-7: no room for a pod in /32 or /128; a v6 /0 would not even fit a 128-bit count.
            if (cidr.PrefixLength == IpCodec.Bits(cidr.Family) || (cidr.Family == IpFamily.V6 && cidr.PrefixLength == 0))
            {
                return IpamErrors.InvalidCidr(part, null, $"a /{cidr.PrefixLength} has no allocatable address");
            }
        }
        if (cidrs.Count == 0)
        {
            return IpamErrors.InvalidCidr(cidrBlock, null, "it is empty");
        }

        var gateways = new Dictionary<IpFamily, UInt128>();
        foreach (var g in (gateway ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IpCodec.TryParse(g, out var family, out var value))
            {
                return IpamErrors.InvalidIp("gateway", g, "not an IP address");
            }
            if (!cidrs.TryGetValue(family, out var cidr) || !cidr.Contains(value))
            {
                return IpamErrors.IpOutOfRange("gateway", g, subnet, cidrBlock!);
            }
            if (value == cidr.Network || (family == IpFamily.V4 && value == cidr.Last))
            {
                return IpamErrors.InvalidIp("gateway", g, "the gateway cannot be the network or broadcast address");
            }
            gateways[family] = value;
        }

        var excludes = cidrs.Keys.ToDictionary(f => f, _ => new List<AddressRange>());
        foreach (var entry in excludeIps)
        {
            var ends = entry.Split("..", StringSplitOptions.TrimEntries);
            if (ends.Length > 2 || !IpCodec.TryParse(ends[0], out var f1, out var start)
                || !IpCodec.TryParse(ends[^1], out var f2, out var end) || f1 != f2 || start > end)
            {
                return IpamErrors.InvalidIp("excludeIps", entry, "expected an address or a range a..b with a <= b");
            }
            if (!cidrs.TryGetValue(f1, out var cidr) || !cidr.Contains(start) || !cidr.Contains(end))
            {
                return IpamErrors.IpOutOfRange("excludeIps", entry, subnet, cidrBlock!);
            }
            excludes[f1].Add(new AddressRange(start, end));
        }

        FamilySpec Make(Cidr c) =>
            new(c, gateways.TryGetValue(c.Family, out var g) ? g : c.Network + 1, excludes[c.Family]);
        v4 = cidrs.TryGetValue(IpFamily.V4, out var c4) ? Make(c4) : null;
        v6 = cidrs.TryGetValue(IpFamily.V6, out var c6) ? Make(c6) : null;
        return null;
    }

    public static string GatewayText(FamilySpec? v4, FamilySpec? v6) =>
        string.Join(',', new[] { v4, v6 }.OfType<FamilySpec>().Select(s => IpCodec.Format(s.Family, s.Gateway)));
}
