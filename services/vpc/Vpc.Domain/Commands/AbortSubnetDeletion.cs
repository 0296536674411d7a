namespace Mesh.Vpc.Domain;

// IPAM found allocations: the subnet stays, and the saga reports who still holds addresses.
public sealed record AbortSubnetDeletion(string Name, long AllocatedCount, IReadOnlyList<string> Holders, Guid SagaId = default) : ITopologyCommand;
