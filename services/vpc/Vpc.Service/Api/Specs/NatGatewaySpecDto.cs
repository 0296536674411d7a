using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Api.Specs;

// kubeovn.io/v1 VpcNatGateway.spec (RT-5); selector entries are "key: value" strings.
public sealed record NatGatewaySpecDto
{
    public string? Vpc { get; init; }
    public string? Subnet { get; init; }
    public string? LanIp { get; init; }
    public List<string>? Selector { get; init; }

    public VpcNatGatewaySpec ToDomain() => new() { Vpc = Vpc, Subnet = Subnet, LanIp = LanIp, Selector = Selector };

    public static NatGatewaySpecDto From(NatGateway g) => new() { Vpc = g.Vpc, Subnet = g.Subnet, LanIp = g.LanIp, Selector = [.. g.Selector] };
}
