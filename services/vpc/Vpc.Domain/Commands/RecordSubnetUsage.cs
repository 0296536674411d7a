namespace Mesh.Vpc.Domain;

public sealed record RecordSubnetUsage(string Name, SubnetUsage Usage, long PoolVersion = 0) : ITopologyCommand;
