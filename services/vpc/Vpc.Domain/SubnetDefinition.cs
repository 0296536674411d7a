namespace Mesh.Vpc.Domain;

// A subnet as stored and announced: every default filled in and every value normalised
// (cidrBlock and gateway "v4,v6" with the IPv4 part first; excludeIps always holds the gateway).
public sealed record SubnetDefinition(
    string Name,
    string Vpc,
    string CidrBlock,
    string Gateway,
    IReadOnlyList<string> ExcludeIps,
    bool NatOutgoing,
    IReadOnlyList<string> ProjectIDs,
    IReadOnlyList<string> Namespaces,
    string Provider,
    bool Private,
    IReadOnlyList<string> AllowSubnets,
    string Protocol,
    bool Default = false)
{
    public bool Equals(SubnetDefinition? other) =>
        other is not null
        && Name == other.Name && Vpc == other.Vpc && CidrBlock == other.CidrBlock && Gateway == other.Gateway
        && Seq.Eq(ExcludeIps, other.ExcludeIps) && NatOutgoing == other.NatOutgoing
        && Seq.Eq(ProjectIDs, other.ProjectIDs) && Seq.Eq(Namespaces, other.Namespaces)
        && Provider == other.Provider && Private == other.Private
        && Seq.Eq(AllowSubnets, other.AllowSubnets) && Protocol == other.Protocol && Default == other.Default;

    public override int GetHashCode() => HashCode.Combine(Name, Vpc, CidrBlock, Gateway, Seq.Hash(ExcludeIps));
}
