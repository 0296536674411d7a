namespace Mesh.Vpc.Domain;

// kubeovn.io/v1 VpcNatGateway.spec (RT-5). selector entries are "key: value" strings, as in Kube-OVN.
public sealed record VpcNatGatewaySpec
{
    public string? Vpc { get; init; }
    public string? Subnet { get; init; }
    public string? LanIp { get; init; }
    public IReadOnlyList<string>? Selector { get; init; }

    public bool Equals(VpcNatGatewaySpec? other) =>
        other is not null && Vpc == other.Vpc && Subnet == other.Subnet && LanIp == other.LanIp
        && Seq.Eq(Selector, other.Selector);

    public override int GetHashCode() => HashCode.Combine(Vpc, Subnet, LanIp, Seq.Hash(Selector));
}
