namespace Mesh.Vpc.Domain;

// A VpcNatGateway as stored (RT-5).
public sealed record NatGateway(string Name, string Vpc, string Subnet, string LanIp, IReadOnlyList<string> Selector)
{
    public bool Equals(NatGateway? other) =>
        other is not null && Name == other.Name && Vpc == other.Vpc && Subnet == other.Subnet
        && LanIp == other.LanIp && Seq.Eq(Selector, other.Selector);

    public override int GetHashCode() => HashCode.Combine(Name, Vpc, Subnet, LanIp, Seq.Hash(Selector));
}
