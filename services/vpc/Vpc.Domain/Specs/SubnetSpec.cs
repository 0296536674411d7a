namespace Mesh.Vpc.Domain;

// kubeovn.io/v1 Subnet.spec (SUB-1). Null means "not given": defaults apply on create, and on
// update the stored value is kept (as a server-defaulted field survives a Kubernetes apply).
public sealed record SubnetSpec
{
    public string? Vpc { get; init; }
    public string? CidrBlock { get; init; }
    public string? Gateway { get; init; }
    public IReadOnlyList<string>? ExcludeIps { get; init; }
    public bool? NatOutgoing { get; init; }
    public IReadOnlyList<string>? ProjectIDs { get; init; }
    public IReadOnlyList<string>? Namespaces { get; init; }
    public string? Provider { get; init; }
    public bool? Private { get; init; }
    public IReadOnlyList<string>? AllowSubnets { get; init; }
    public string? Vlan { get; init; }
    public string? Protocol { get; init; }

    /// <summary>IPAM-6a: the subnet pods of its VPC get when they name none (Kube-OVN's spec.default).</summary>
    public bool? Default { get; init; }

    public bool Equals(SubnetSpec? other) =>
        other is not null
        && Vpc == other.Vpc && CidrBlock == other.CidrBlock && Gateway == other.Gateway
        && Seq.Eq(ExcludeIps, other.ExcludeIps) && NatOutgoing == other.NatOutgoing
        && Seq.Eq(ProjectIDs, other.ProjectIDs) && Seq.Eq(Namespaces, other.Namespaces)
        && Provider == other.Provider && Private == other.Private
        && Seq.Eq(AllowSubnets, other.AllowSubnets) && Vlan == other.Vlan && Protocol == other.Protocol && Default == other.Default;

    public override int GetHashCode() => HashCode.Combine(Vpc, CidrBlock, Gateway, Provider, Seq.Hash(ExcludeIps));
}
