namespace Mesh.Fip.Domain.Addressing;

// An inclusive range of IPv4 addresses.
public readonly record struct AddressRange(uint Start, uint End)
{
    public ulong Count => (ulong)End - Start + 1;

    public bool Contains(uint address) => address >= Start && address <= End;

    // The Kube-OVN `excludeIps` shape: "a..b" for a range, a bare address for one.
    public override string ToString() =>
        Start == End ? Ipv4.Format(Start) : $"{Ipv4.Format(Start)}..{Ipv4.Format(End)}";

    // Accepts "a..b", a CIDR "a.b.c.d/n" (every address in it) or a single address.
    public static bool TryParse(string? text, out AddressRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0)
        {
            if (!Ipv4.TryParse(text[..dots], out var start) || !Ipv4.TryParse(text[(dots + 2)..], out var end)
                || end < start)
            {
                return false;
            }
            range = new AddressRange(start, end);
            return true;
        }
        if (text.Contains('/'))
        {
            if (!Ipv4Cidr.TryParse(text, out var cidr, out _))
            {
                return false;
            }
            range = cidr.All;
            return true;
        }
        if (!Ipv4.TryParse(text, out var single))
        {
            return false;
        }
        range = new AddressRange(single, single);
        return true;
    }
}
