namespace Mesh.Vpc.Domain;

// kubeovn.io/v1 Vpc.spec with this platform's fields (VPC-2). Null means "not given"; the decider
// stores the normalised spec, with defaults filled in.
public sealed record VpcSpec
{
    public string? ExternalNetworkID { get; init; }
    public string? ExternalNetworkName { get; init; }
    public string? ExternalGatewayIp { get; init; }
    public string? NeutronRouter { get; init; }
    public string? GatewayNode { get; init; }
    public string? GatewayType { get; init; }
    public IReadOnlyList<string>? Namespaces { get; init; }
    public IReadOnlyList<StaticRoute>? StaticRoutes { get; init; }
    public IReadOnlyList<PolicyRoute>? PolicyRoutes { get; init; }
    public IReadOnlyList<VpcPeering>? VpcPeerings { get; init; }

    public bool Equals(VpcSpec? other) =>
        other is not null
        && ExternalNetworkID == other.ExternalNetworkID
        && ExternalNetworkName == other.ExternalNetworkName
        && ExternalGatewayIp == other.ExternalGatewayIp
        && NeutronRouter == other.NeutronRouter
        && GatewayNode == other.GatewayNode
        && GatewayType == other.GatewayType
        && Seq.Eq(Namespaces, other.Namespaces)
        && Seq.Eq(StaticRoutes, other.StaticRoutes)
        && Seq.Eq(PolicyRoutes, other.PolicyRoutes)
        && Seq.Eq(VpcPeerings, other.VpcPeerings);

    public override int GetHashCode() =>
        HashCode.Combine(ExternalNetworkID, NeutronRouter, ExternalGatewayIp, GatewayType,
            Seq.Hash(Namespaces), Seq.Hash(StaticRoutes), Seq.Hash(PolicyRoutes), Seq.Hash(VpcPeerings));
}
