using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Ipam.Domain.Pools;

/// <summary>Parses cidrBlock, gateway and excludeIps the way a Kube-OVN Subnet spec writes them.</summary>
internal static class PoolSpecParser
{
    public static MeshError? TryParse(
        string subnet, string cidrBlock, string? gateway, IReadOnlyList<string> excludeIps,
        out FamilySpec? v4, out FamilySpec? v6)
    {
        v4 = v6 = null;
        var cidrs = new Dictionary<IpFamily, IpPrefix>();
        foreach (var part in (cidrBlock ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IpPrefix.TryParseNormalised(part, out var cidr, out var hostBits) || hostBits)
            {
                return IpamErrors.InvalidCidr(part, hostBits ? cidr.ToString() : null, "expected address/prefix");
            }
            if (!cidrs.TryAdd(cidr.Family, cidr))
            {
                return IpamErrors.InvalidCidr(cidrBlock, null, "at most one CIDR per family");
            }
            // SUB-7: no room for a pod in /32 or /128; a v6 /0 would not even fit a 128-bit count.
            if (cidr.Length == cidr.Network.Bits || (cidr.Family == IpFamily.V6 && cidr.Length == 0))
            {
                return IpamErrors.InvalidCidr(part, null, $"a /{cidr.Length} has no allocatable address");
            }
        }
        if (cidrs.Count == 0)
        {
            return IpamErrors.InvalidCidr(cidrBlock, null, "it is empty");
        }

        var gateways = new Dictionary<IpFamily, UInt128>();
        foreach (var g in (gateway ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IpAddress.TryParse(g, out var address))
            {
                return IpamErrors.InvalidIp("gateway", g, "not an IP address");
            }
            var (family, value) = (address.Family, address.Value);
            if (!cidrs.TryGetValue(family, out var cidr) || !cidr.Contains(address))
            {
                return IpamErrors.IpOutOfRange("gateway", g, subnet, cidrBlock!);
            }
            if (address == cidr.First || (family == IpFamily.V4 && address == cidr.Last))
            {
                return IpamErrors.InvalidIp("gateway", g, "the gateway cannot be the network or broadcast address");
            }
            gateways[family] = value;
        }

        var excludes = cidrs.Keys.ToDictionary(f => f, _ => new List<IpRange>());
        foreach (var entry in excludeIps)
        {
            if (!IpRange.TryParse(entry, out var range, out _))
            {
                return IpamErrors.InvalidIp("excludeIps", entry, "expected an address or a range a..b with a <= b");
            }
            if (!cidrs.TryGetValue(range.Family, out var cidr) || !cidr.Contains(range.Start) || !cidr.Contains(range.End))
            {
                return IpamErrors.IpOutOfRange("excludeIps", entry, subnet, cidrBlock!);
            }
            excludes[range.Family].Add(range);
        }

        FamilySpec Make(IpPrefix c) =>
            new(c, gateways.TryGetValue(c.Family, out var g) ? g : c.First.Value + 1, excludes[c.Family]);
        v4 = cidrs.TryGetValue(IpFamily.V4, out var c4) ? Make(c4) : null;
        v6 = cidrs.TryGetValue(IpFamily.V6, out var c6) ? Make(c6) : null;
        return null;
    }

    public static string GatewayText(FamilySpec? v4, FamilySpec? v6) =>
        string.Join(',', new[] { v4, v6 }.OfType<FamilySpec>().Select(s => new IpAddress(s.Family, s.Gateway).ToString()));
}
