using System.Diagnostics.CodeAnalysis;

namespace Mesh.Addressing;

/// <summary>An inclusive range of addresses of one family: an excludeIps entry "a" or "a..b".</summary>
public readonly record struct IpRange(IpAddress Start, IpAddress End)
{
    public IpFamily Family => Start.Family;

    /// <summary>Number of addresses, saturated at UInt128.MaxValue for all of IPv6.</summary>
    public UInt128 Count => End.Value - Start.Value == UInt128.MaxValue ? UInt128.MaxValue : End.Value - Start.Value + 1;

    public static IpRange Single(IpAddress address) => new(address, address);

    public bool Contains(IpAddress address) =>
        address.Family == Family && address.Value >= Start.Value && address.Value <= End.Value;

    public bool Overlaps(IpRange other) =>
        other.Family == Family && other.Start.Value <= End.Value && Start.Value <= other.End.Value;

    /// <summary>Kube-OVN's excludeIps form: one address "a" or an inclusive range "a..b" of one family.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IpRange range, [NotNullWhen(false)] out string? error)
    {
        range = default;
        var parts = (text ?? "").Trim().Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2 || !IpAddress.TryParse(parts[0], out var start))
        {
            error = $"'{text}' is neither an address nor a range a..b";
            return false;
        }
        var end = start;
        if (parts.Length == 2 && !IpAddress.TryParse(parts[1], out end))
        {
            error = $"'{text}' is neither an address nor a range a..b";
            return false;
        }
        if (start.Family != end.Family || start.Value > end.Value)
        {
            error = $"'{text}' is not a range: both ends must be of one family and the start must not exceed the end";
            return false;
        }
        range = new IpRange(start, end);
        error = null;
        return true;
    }

    /// <summary>
    /// Also a CIDR "a/n" (every address of it, as Whereabouts writes its exclude list); the CIDR must be
    /// a network, so that "10.0.0.1/24" is not read as a quarter of the subnet someone did not mean.
    /// </summary>
    public static bool TryParseWithCidr([NotNullWhen(true)] string? text, out IpRange range, [NotNullWhen(false)] out string? error)
    {
        if (text is not null && text.Contains('/'))
        {
            range = default;
            if (!IpPrefix.TryParse(text, out var prefix, out error))
            {
                return false;
            }
            range = prefix.Range;
            return true;
        }
        return TryParse(text, out range, out error);
    }

    public override string ToString() => Start == End ? Start.ToString() : $"{Start}..{End}";
}
