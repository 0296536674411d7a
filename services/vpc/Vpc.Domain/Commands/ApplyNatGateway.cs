namespace Mesh.Vpc.Domain;

public sealed record ApplyNatGateway(string Name, VpcNatGatewaySpec Spec) : ITopologyCommand;
