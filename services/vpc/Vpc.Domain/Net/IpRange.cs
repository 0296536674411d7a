using System.Diagnostics.CodeAnalysis;

namespace Mesh.Vpc.Domain.Net;

// An excludeIps entry: one address "a" or an inclusive range "a..b" of one family.
public readonly record struct IpRange(IpAddress Start, IpAddress End)
{
    public IpFamily Family => Start.Family;

    public bool Contains(IpAddress address) =>
        address.Family == Family && address.Value >= Start.Value && address.Value <= End.Value;

    public static bool TryParse([NotNullWhen(true)] string? text, out IpRange range, [NotNullWhen(false)] out string? error)
    {
        range = default;
        var parts = (text ?? "").Trim().Split("..");
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

    public override string ToString() => Start == End ? Start.ToString() : $"{Start}..{End}";
}
