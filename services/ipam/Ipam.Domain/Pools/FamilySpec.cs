using Mesh.Addressing;

namespace Mesh.Ipam.Domain.Pools;

/// <summary>One family of a subnet spec, parsed: what IPAM-2 reserves follows from it.</summary>
internal sealed record FamilySpec(IpPrefix Cidr, UInt128 Gateway, IReadOnlyList<IpRange> Excludes)
{
    public IpFamily Family => Cidr.Family;

    public AddressSet Reserved()
    {
        var reserved = new AddressSet();
        reserved.Add(Cidr.First.Value);
        if (Family == IpFamily.V4)
        {
            reserved.Add(Cidr.Last.Value);
        }
        reserved.Add(Gateway);
        foreach (var r in Excludes)
        {
            reserved.AddRange(r.Start.Value, r.End.Value);
        }
        return reserved;
    }

    public string ReservedBecause(UInt128 address) =>
        address == Cidr.First.Value ? "network address"
        : Family == IpFamily.V4 && address == Cidr.Last.Value ? "broadcast address"
        : address == Gateway ? "gateway"
        : "excludeIps";
}
