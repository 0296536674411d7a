using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Api.Specs;

// kubeovn.io/v1 Vpc.spec as users write it (VPC-2); any other field is refused as UnknownField.
public sealed record VpcSpecDto
{
    public string? ExternalNetworkID { get; init; }
    public string? ExternalNetworkName { get; init; }
    public string? ExternalGatewayIp { get; init; }
    public string? NeutronRouter { get; init; }
    public string? GatewayNode { get; init; }
    public string? GatewayType { get; init; }
    public List<string>? Namespaces { get; init; }
    public List<StaticRouteDto>? StaticRoutes { get; init; }
    public List<PolicyRouteDto>? PolicyRoutes { get; init; }
    public List<VpcPeeringDto>? VpcPeerings { get; init; }

    public VpcSpec ToDomain() => new()
    {
        ExternalNetworkID = ExternalNetworkID,
        ExternalNetworkName = ExternalNetworkName,
        ExternalGatewayIp = ExternalGatewayIp,
        NeutronRouter = NeutronRouter,
        GatewayNode = GatewayNode,
        GatewayType = GatewayType,
        Namespaces = Namespaces,
        StaticRoutes = StaticRoutes?.Select(r => r.ToDomain()).ToArray(),
        PolicyRoutes = PolicyRoutes?.Select(r => r.ToDomain()).ToArray(),
        VpcPeerings = VpcPeerings?.Select(p => p.ToDomain()).ToArray(),
    };

    public static VpcSpecDto From(VpcSpec s) => new()
    {
        ExternalNetworkID = s.ExternalNetworkID,
        ExternalNetworkName = s.ExternalNetworkName,
        ExternalGatewayIp = s.ExternalGatewayIp,
        NeutronRouter = s.NeutronRouter,
        GatewayNode = s.GatewayNode,
        GatewayType = s.GatewayType,
        Namespaces = s.Namespaces?.ToList(),
        StaticRoutes = s.StaticRoutes?.Select(StaticRouteDto.From).ToList(),
        PolicyRoutes = s.PolicyRoutes?.Select(PolicyRouteDto.From).ToList(),
        VpcPeerings = s.VpcPeerings?.Select(VpcPeeringDto.From).ToList(),
    };
}
