using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace Mesh.Vpc.Domain.Net;

// An IPv4 or IPv6 address as an unsigned integer, so that ranges and prefixes are arithmetic.
public readonly record struct IpAddress(IpFamily Family, UInt128 Value) : IComparable<IpAddress>
{
    public int Bits => BitsOf(Family);

    public static int BitsOf(IpFamily family) => family == IpFamily.V4 ? 32 : 128;

    public static UInt128 MaxValue(IpFamily family) =>
        family == IpFamily.V4 ? uint.MaxValue : UInt128.MaxValue;

    public static bool TryParse([NotNullWhen(true)] string? text, out IpAddress address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        // IPAddress.TryParse also takes "10.1" or "167772161" shorthand and scope ids; users mean neither.
        if (trimmed.Contains('%') || trimmed.Contains('/') || !IPAddress.TryParse(trimmed, out var ip))
        {
            return false;
        }
        if (ip.AddressFamily == AddressFamily.InterNetwork && trimmed.Count(c => c == '.') != 3)
        {
            return false;
        }
        if (ip.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return false;
        }
        UInt128 value = 0;
        foreach (var b in ip.GetAddressBytes())
        {
            value = (value << 8) | b;
        }
        address = new IpAddress(ip.AddressFamily == AddressFamily.InterNetwork ? IpFamily.V4 : IpFamily.V6, value);
        return true;
    }

    public static IpAddress Parse(string text) =>
        TryParse(text, out var a) ? a : throw new FormatException($"'{text}' is not an IP address");

    public int CompareTo(IpAddress other) =>
        Family != other.Family ? Family.CompareTo(other.Family) : Value.CompareTo(other.Value);

    public IpAddress Add(UInt128 delta) => this with { Value = Value + delta };

    public override string ToString()
    {
        var length = Bits / 8;
        var bytes = new byte[length];
        var v = Value;
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(v & 0xFF);
            v >>= 8;
        }
        return new IPAddress(bytes).ToString();
    }
}
