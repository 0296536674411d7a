namespace Mesh.Ipam.Domain.Addressing;

public readonly record struct Cidr(IpFamily Family, UInt128 Network, int PrefixLength)
{
    public UInt128 Last => Network | HostMask(Family, PrefixLength);

    public UInt128 Size => Last - Network + 1;

    public bool Contains(UInt128 address) => address >= Network && address <= Last;

    public override string ToString() => $"{IpCodec.Format(Family, Network)}/{PrefixLength}";

    /// <summary>
    /// Parses "10.16.0.0/16". When the host bits are set, <paramref name="normalised"/> holds the
    /// network form so that the refusal can show it (SUB-2).
    /// </summary>
    public static bool TryParse(string? text, out Cidr cidr, out string? normalised)
    {
        cidr = default;
        normalised = null;
        var parts = text?.Trim().Split('/');
        if (parts is not { Length: 2 } || !IpCodec.TryParse(parts[0], out var family, out var address)
            || !int.TryParse(parts[1], out var prefix) || prefix < 0 || prefix > IpCodec.Bits(family))
        {
            return false;
        }
        var network = address & ~HostMask(family, prefix) & FamilyMask(family);
        if (network != address)
        {
            normalised = new Cidr(family, network, prefix).ToString();
            return false;
        }
        cidr = new Cidr(family, network, prefix);
        return true;
    }

    private static UInt128 FamilyMask(IpFamily family) =>
        family == IpFamily.V4 ? (UInt128)uint.MaxValue : UInt128.MaxValue;

    private static UInt128 HostMask(IpFamily family, int prefix)
    {
        var hostBits = IpCodec.Bits(family) - prefix;
        return hostBits == 0 ? UInt128.Zero : hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
    }
}
