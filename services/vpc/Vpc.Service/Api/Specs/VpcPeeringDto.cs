using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Api.Specs;

// Vpc.spec.vpcPeerings[] (RT-4).
public sealed record VpcPeeringDto
{
    public string? RemoteVpc { get; init; }
    public string? LocalConnectIP { get; init; }

    public VpcPeering ToDomain() => new(RemoteVpc ?? "", LocalConnectIP ?? "");

    public static VpcPeeringDto From(VpcPeering p) => new() { RemoteVpc = p.RemoteVpc, LocalConnectIP = p.LocalConnectIP };
}
