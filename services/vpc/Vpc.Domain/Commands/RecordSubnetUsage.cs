namespace Mesh.Vpc.Domain;

public sealed record RecordSubnetUsage(string Name, SubnetUsage Usage) : ITopologyCommand;
