using System.Globalization;

namespace Mesh.Ipam.Domain.Addressing;

/// <summary>MACs in Kube-OVN's form: lowercase, colon-separated; generated ones are 00:00:00:xx:xx:xx.</summary>
public static class MacAddress
{
    /// <summary>Lowercase colon form of a unicast, non-zero MAC; null when the text is not one.</summary>
    public static string? Normalise(string? text)
    {
        var parts = text?.Trim().Split(':', '-');
        if (parts is not { Length: 6 })
        {
            return null;
        }
        var bytes = new byte[6];
        for (var i = 0; i < 6; i++)
        {
            if (parts[i].Length != 2
                || !byte.TryParse(parts[i], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }
        // A multicast bit or the zero address would never reach the pod.
        if ((bytes[0] & 1) == 1 || bytes.All(b => b == 0))
        {
            return null;
        }
        return Format(bytes);
    }

    /// <summary>The 24-bit suffix <paramref name="suffix"/> under Kube-OVN's 00:00:00 prefix.</summary>
    public static string Generated(int suffix) =>
        Format([0, 0, 0, (byte)(suffix >> 16), (byte)(suffix >> 8), (byte)suffix]);

    private static string Format(byte[] bytes) =>
        string.Join(':', bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
