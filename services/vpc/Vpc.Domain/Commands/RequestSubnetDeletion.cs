namespace Mesh.Vpc.Domain;

// SagaId: chosen by the caller (the host), carried by every step so that a late answer of an
// earlier saga never settles the current one.
public sealed record RequestSubnetDeletion(string Name, Guid SagaId = default) : ITopologyCommand;
