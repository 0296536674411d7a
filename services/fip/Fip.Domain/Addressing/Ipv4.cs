namespace Mesh.Fip.Domain.Addressing;

// IPv4 addresses as host-order uint. The parser is strict on purpose:
// IPAddress.TryParse accepts "10.1" and octal-looking "010.0.0.1", which users never mean.
public static class Ipv4
{
    public static bool TryParse(string? text, out uint address)
    {
        address = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
            {
                return false;
            }
            var octet = int.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }
            address = (address << 8) | (uint)octet;
        }
        return true;
    }

    public static string Format(uint address) =>
        $"{address >> 24}.{(address >> 16) & 0xFF}.{(address >> 8) & 0xFF}.{address & 0xFF}";

    // The canonical text of a valid address, or null.
    public static string? Normalize(string? text) => TryParse(text, out var a) ? Format(a) : null;
}
