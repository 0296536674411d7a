namespace Mesh.Vpc.Domain;

public sealed record DeleteNatGateway(string Name) : ITopologyCommand;
