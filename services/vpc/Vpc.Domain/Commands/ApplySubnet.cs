namespace Mesh.Vpc.Domain;

public sealed record ApplySubnet(string Name, SubnetSpec Spec) : ITopologyCommand;
