using System.Diagnostics.CodeAnalysis;

namespace Mesh.Addressing;

// Kube-OVN writes dual-stack values as "v4,v6" (cidrBlock, gateway).
public static class DualStack
{
    public static bool TryParseCidrBlock(string? text, out IReadOnlyList<IpPrefix> prefixes, [NotNullWhen(false)] out string? error)
    {
        prefixes = [];
        var parts = Split(text);
        if (parts.Length is 0 or > 2)
        {
            error = $"'{text}' must be one CIDR or a dual-stack pair \"v4cidr,v6cidr\"";
            return false;
        }
        var parsed = new List<IpPrefix>();
        foreach (var part in parts)
        {
            if (!IpPrefix.TryParse(part, out var prefix, out error))
            {
                return false;
            }
            parsed.Add(prefix);
        }
        if (parsed.Count == 2 && parsed[0].Family == parsed[1].Family)
        {
            error = $"'{text}' names two CIDRs of one family; a dual-stack cidrBlock is one IPv4 and one IPv6 CIDR";
            return false;
        }
        prefixes = parsed.OrderBy(p => p.Family).ToArray();
        error = null;
        return true;
    }

    public static bool TryParseAddresses(string? text, out IReadOnlyList<IpAddress> addresses)
    {
        var parsed = new List<IpAddress>();
        foreach (var part in Split(text))
        {
            if (!IpAddress.TryParse(part, out var address))
            {
                addresses = [];
                return false;
            }
            parsed.Add(address);
        }
        addresses = parsed;
        return parsed.Count > 0;
    }

    public static string Join<T>(IEnumerable<T> values) => string.Join(",", values);

    public static string ProtocolOf(IReadOnlyList<IpPrefix> prefixes) =>
        prefixes.Count == 2 ? "Dual" : prefixes[0].Family == IpFamily.V4 ? "IPv4" : "IPv6";

    private static string[] Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.TrimEntries);
}
