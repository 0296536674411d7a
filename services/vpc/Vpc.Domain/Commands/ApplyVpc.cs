namespace Mesh.Vpc.Domain;

public sealed record ApplyVpc(string Name, VpcSpec Spec) : ITopologyCommand;
