namespace Mesh.Vpc.Domain;

public sealed record RequestSubnetDeletion(string Name) : ITopologyCommand;
