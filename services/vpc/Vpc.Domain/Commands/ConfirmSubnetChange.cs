namespace Mesh.Vpc.Domain;

// POOL-2: the IPAM service applied the change of saga SagaId.
public sealed record ConfirmSubnetChange(string Name, Guid SagaId) : ITopologyCommand;
