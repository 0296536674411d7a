using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Api.Specs;

// network.mesh.io/v1 ExternalNetwork.spec: the SDN external network a VPC attaches to (VPC-2);
// its name is metadata.name.
public sealed record ExternalNetworkSpecDto
{
    public string? Id { get; init; }
    public string? Cidr { get; init; }
    public string? Gateway { get; init; }

    public ExternalNetwork ToDomain(string name) => new(Id ?? "", name, Cidr ?? "", Gateway);

    public static ExternalNetworkSpecDto From(ExternalNetwork n) => new() { Id = n.Id, Cidr = n.Cidr, Gateway = n.Gateway };
}
