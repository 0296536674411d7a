namespace Mesh.Fip.Domain.Addressing;

// An IPv4 network: Network has its host bits zero.
public readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    public uint Mask => PrefixLength == 0 ? 0u : uint.MaxValue << (32 - PrefixLength);

    public uint Broadcast => Network | ~Mask;

    public AddressRange All => new(Network, Broadcast);

    public bool Contains(uint address) => (address & Mask) == Network;

    public override string ToString() => $"{Ipv4.Format(Network)}/{PrefixLength}";

    // Parses "a.b.c.d/n". <paramref name="hostBitsSet"/> is true when the text named a host rather
    // than the network (10.0.0.1/24): the result is then the normalised network, for the message.
    public static bool TryParse(string? text, out Ipv4Cidr cidr, out bool hostBitsSet)
    {
        cidr = default;
        hostBitsSet = false;
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash < 0)
        {
            return false;
        }
        var prefixText = text[(slash + 1)..];
        if (!Ipv4.TryParse(text[..slash], out var address) || prefixText.Length is 0 or > 2
            || !prefixText.All(char.IsAsciiDigit))
        {
            return false;
        }
        var prefix = int.Parse(prefixText, System.Globalization.CultureInfo.InvariantCulture);
        if (prefix > 32)
        {
            return false;
        }
        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        cidr = new Ipv4Cidr(address & mask, prefix);
        hostBitsSet = (address & mask) != address;
        return true;
    }
}
