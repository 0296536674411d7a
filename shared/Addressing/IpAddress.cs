using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Mesh.Addressing;

/// <summary>
/// An IPv4 or IPv6 address as an unsigned integer, so that ranges and prefixes are arithmetic. The
/// one parser of the platform: every service reads addresses through it, so that no two services can
/// disagree about what a text means.
/// </summary>
public readonly record struct IpAddress(IpFamily Family, UInt128 Value) : IComparable<IpAddress>
{
    public int Bits => BitsOf(Family);

    public static int BitsOf(IpFamily family) => family == IpFamily.V4 ? 32 : 128;

    public static UInt128 MaxValue(IpFamily family) =>
        family == IpFamily.V4 ? uint.MaxValue : UInt128.MaxValue;

    /// <summary>
    /// Strict: IPv4 is exactly four decimal octets without leading zeros. IPAddress.TryParse also takes
    /// "10.1", "167772161", "0x0a.0.0.1" and "010.0.0.1" (octal in inet_aton, decimal here: two readers of
    /// one text would disagree), and scoped IPv6 "fe80::1%eth0"; users mean none of them.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out IpAddress address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.AsSpan().Trim();
        if (s.Contains(':'))
        {
            return TryParseV6(s, out address);
        }
        return TryParseV4(s, out address);
    }

    /// <summary>Parses an address of one family only; an address of the other family is refused.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, IpFamily family, out IpAddress address) =>
        TryParse(text, out address) && address.Family == family;

    /// <summary>Accepts "10.100.0.100/16" too, dropping the length: interface addresses carry it.</summary>
    public static bool TryParseHost([NotNullWhen(true)] string? text, out IpAddress address)
    {
        var slash = text?.IndexOf('/') ?? -1;
        if (slash >= 0)
        {
            var length = text![(slash + 1)..].Trim();
            if (length.Length is 0 or > 3 || !length.All(char.IsAsciiDigit))
            {
                address = default;
                return false;
            }
            return TryParse(text[..slash], out address) && int.Parse(length) <= address.Bits;
        }
        return TryParse(text, out address);
    }

    public static IpAddress Parse(string text) =>
        TryParse(text, out var a) ? a : throw new FormatException($"'{text}' is not an IP address");

    /// <summary>The canonical text of an address ("fd00::1", "10.0.0.1"), or null when the text is not one.</summary>
    public static string? Canonical(string? text) => TryParse(text, out var a) ? a.ToString() : null;

    /// <summary>The canonical text of an address of <paramref name="family"/>, or null.</summary>
    public static string? Canonical(string? text, IpFamily family) => TryParse(text, family, out var a) ? a.ToString() : null;

    public static IpAddress From(IPAddress ip)
    {
        UInt128 value = 0;
        foreach (var b in ip.GetAddressBytes())
        {
            value = (value << 8) | b;
        }
        return new IpAddress(ip.AddressFamily == AddressFamily.InterNetworkV6 ? IpFamily.V6 : IpFamily.V4, value);
    }

    public IPAddress ToIPAddress()
    {
        var bytes = new byte[Bits / 8];
        var v = Value;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(v & 0xFF);
            v >>= 8;
        }
        return new IPAddress(bytes);
    }

    public int CompareTo(IpAddress other) =>
        Family != other.Family ? Family.CompareTo(other.Family) : Value.CompareTo(other.Value);

    public static bool operator <(IpAddress a, IpAddress b) => a.CompareTo(b) < 0;

    public static bool operator >(IpAddress a, IpAddress b) => a.CompareTo(b) > 0;

    public static bool operator <=(IpAddress a, IpAddress b) => a.CompareTo(b) <= 0;

    public static bool operator >=(IpAddress a, IpAddress b) => a.CompareTo(b) >= 0;

    public IpAddress Add(UInt128 delta) => this with { Value = Value + delta };

    public override string ToString() => Family == IpFamily.V4
        ? $"{(uint)(Value >> 24) & 0xFF}.{(uint)(Value >> 16) & 0xFF}.{(uint)(Value >> 8) & 0xFF}.{(uint)Value & 0xFF}"
        : ToIPAddress().ToString();

    private static bool TryParseV4(ReadOnlySpan<char> s, out IpAddress address)
    {
        address = default;
        uint value = 0;
        var octets = 0;
        foreach (var range in s.Split('.'))
        {
            var part = s[range];
            if (++octets > 4 || part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0'))
            {
                return false;
            }
            var octet = 0;
            foreach (var c in part)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
                octet = (octet * 10) + (c - '0');
            }
            if (octet > 255)
            {
                return false;
            }
            value = (value << 8) | (uint)octet;
        }
        if (octets != 4)
        {
            return false;
        }
        address = new IpAddress(IpFamily.V4, value);
        return true;
    }

    private static bool TryParseV6(ReadOnlySpan<char> s, out IpAddress address)
    {
        address = default;
        // A zone ("%eth0") names a link, not an address; brackets and ports belong to URLs.
        if (s.ContainsAny('%', '/', '[') || !IPAddress.TryParse(s, out var ip)
            || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }
        address = From(ip);
        return true;
    }
}
