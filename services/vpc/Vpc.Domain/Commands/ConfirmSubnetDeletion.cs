namespace Mesh.Vpc.Domain;

public sealed record ConfirmSubnetDeletion(string Name, Guid SagaId = default) : ITopologyCommand;
