using System.Diagnostics.CodeAnalysis;

namespace Mesh.Addressing;

// A network prefix (CIDR). Network always has its host bits zero.
public readonly record struct IpPrefix(IpAddress Network, int Length)
{
    public IpFamily Family => Network.Family;

    public int HostBits => Network.Bits - Length;

    public UInt128 HostMask => HostMaskOf(Network.Family, Length);

    public IpAddress First => Network;

    public IpAddress Last => Network with { Value = Network.Value | HostMask };

    // Number of addresses, saturated at UInt128.MaxValue for ::/0.
    public UInt128 Size => HostMask == UInt128.MaxValue ? UInt128.MaxValue : HostMask + 1;

    public static UInt128 HostMaskOf(IpFamily family, int length)
    {
        var bits = IpAddress.BitsOf(family);
        return length <= 0 ? IpAddress.MaxValue(family) : length >= bits ? 0 : (UInt128.One << (bits - length)) - 1;
    }

    // The prefix that contains address with host bits cleared.
    public static IpPrefix Containing(IpAddress address, int length) =>
        new(address with { Value = address.Value & ~HostMaskOf(address.Family, length) & IpAddress.MaxValue(address.Family) }, length);

    public bool Contains(IpAddress address) =>
        address.Family == Family && (address.Value & ~HostMask) == Network.Value;

    public bool Contains(IpPrefix other) => other.Family == Family && other.Length >= Length && Contains(other.Network);

    public bool Overlaps(IpPrefix other) => Contains(other) || other.Contains(this);

    /// <summary>Every address of the prefix, network and broadcast included.</summary>
    public IpRange Range => new(First, Last);

    // Parses "address/length". A prefix with host bits set is refused, and error
    // names the normalised form the user probably meant (SUB-2).
    public static bool TryParse([NotNullWhen(true)] string? text, out IpPrefix prefix, [NotNullWhen(false)] out string? error)
    {
        prefix = default;
        if (!TryParseLoose(text, out var address, out var length, out error))
        {
            return false;
        }
        prefix = Containing(address, length);
        if (prefix.Network != address)
        {
            error = $"'{text!.Trim()}' is not a network address: its host bits are set; the network is {prefix}";
            return false;
        }
        return true;
    }

    // Parses "address/length" keeping the host bits (interface addresses such as 169.254.0.1/30).
    public static bool TryParseLoose([NotNullWhen(true)] string? text, out IpAddress address, out int length, [NotNullWhen(false)] out string? error)
    {
        address = default;
        length = 0;
        var parts = (text ?? "").Trim().Split('/');
        if (parts.Length != 2 || !IpAddress.TryParse(parts[0], out address))
        {
            error = $"'{text}' is not a CIDR (expected address/length, e.g. 10.16.0.0/16 or fd00:10:16::/64)";
            return false;
        }
        if (parts[1].Length is 0 or > 3 || !parts[1].All(char.IsAsciiDigit) || (length = int.Parse(parts[1])) > address.Bits)
        {
            error = $"'{text}' has an invalid prefix length (0-{address.Bits} for this family)";
            return false;
        }
        error = null;
        return true;
    }

    /// <summary>Parses "address/length" as a network; false for anything else, host bits set included.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IpPrefix prefix) => TryParse(text, out prefix, out _);

    /// <summary>
    /// Parses "address/length" into its network, host bits cleared; <paramref name="hostBitsSet"/> says the
    /// text named a host (10.0.0.1/24), so that a caller may refuse it naming the network, or take it.
    /// </summary>
    public static bool TryParseNormalised([NotNullWhen(true)] string? text, out IpPrefix prefix, out bool hostBitsSet)
    {
        prefix = default;
        hostBitsSet = false;
        if (!TryParseLoose(text, out var address, out var length, out _))
        {
            return false;
        }
        prefix = Containing(address, length);
        hostBitsSet = prefix.Network != address;
        return true;
    }

    public static IpPrefix Parse(string text) =>
        TryParse(text, out var p, out var error) ? p : throw new FormatException(error);

    public override string ToString() => $"{Network}/{Length}";
}
