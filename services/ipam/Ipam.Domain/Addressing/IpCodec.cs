using System.Net;
using System.Net.Sockets;

namespace Mesh.Ipam.Domain.Addressing;

/// <summary>Addresses as UInt128 so that v4 and v6 share one arithmetic.</summary>
public static class IpCodec
{
    public static bool TryParse(string? text, out IpFamily family, out UInt128 value)
    {
        family = IpFamily.V4;
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        // IPAddress.TryParse accepts "10" or "10.16" as IPv4 and scoped v6; users mean neither.
        if (s.Contains('%') || (!s.Contains(':') && s.Count(c => c == '.') != 3))
        {
            return false;
        }
        if (!IPAddress.TryParse(s, out var ip))
        {
            return false;
        }
        family = ip.AddressFamily == AddressFamily.InterNetworkV6 ? IpFamily.V6 : IpFamily.V4;
        foreach (var b in ip.GetAddressBytes())
        {
            value = (value << 8) | b;
        }
        return true;
    }

    /// <summary>Accepts "10.100.0.100/16" too: the NAD "ips" annotation carries the prefix.</summary>
    public static bool TryParseHost(string? text, out IpFamily family, out UInt128 value)
    {
        var slash = text?.IndexOf('/') ?? -1;
        return TryParse(slash >= 0 ? text![..slash] : text, out family, out value);
    }

    public static string Format(IpFamily family, UInt128 value)
    {
        var bytes = new byte[family == IpFamily.V4 ? 4 : 16];
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)(value & 0xFF);
            value >>= 8;
        }
        return new IPAddress(bytes).ToString();
    }

    public static int Bits(IpFamily family) => family == IpFamily.V4 ? 32 : 128;

    public static string Name(IpFamily family) => family == IpFamily.V4 ? "IPv4" : "IPv6";
}
