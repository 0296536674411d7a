namespace Mesh.Vpc.Domain;

public sealed record RegisterExternalNetwork(ExternalNetwork Network) : ITopologyCommand;
