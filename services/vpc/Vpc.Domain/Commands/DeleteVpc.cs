namespace Mesh.Vpc.Domain;

public sealed record DeleteVpc(string Name) : ITopologyCommand;
