namespace Mesh.Vpc.Domain;

// POOL-2: the IPAM service refused the change of saga SagaId, for this reason.
public sealed record AbortSubnetChange(string Name, Guid SagaId, string Code, string Message, string? Field = null, string? Value = null,
    string? Remedy = null) : ITopologyCommand;
