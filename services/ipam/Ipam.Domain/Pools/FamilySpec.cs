using Mesh.Ipam.Domain.Addressing;

namespace Mesh.Ipam.Domain.Pools;

/// <summary>One family of a subnet spec, parsed: what IPAM-2 reserves follows from it.</summary>
internal sealed record FamilySpec(Cidr Cidr, UInt128 Gateway, IReadOnlyList<AddressRange> Excludes)
{
    public IpFamily Family => Cidr.Family;

    public AddressSet Reserved()
    {
        var reserved = new AddressSet();
        reserved.Add(Cidr.Network);
        if (Family == IpFamily.V4)
        {
            reserved.Add(Cidr.Last);
        }
        reserved.Add(Gateway);
        foreach (var r in Excludes)
        {
            reserved.AddRange(r.Start, r.End);
        }
        return reserved;
    }

    public string ReservedBecause(UInt128 address) =>
        address == Cidr.Network ? "network address"
        : Family == IpFamily.V4 && address == Cidr.Last ? "broadcast address"
        : address == Gateway ? "gateway"
        : "excludeIps";
}
