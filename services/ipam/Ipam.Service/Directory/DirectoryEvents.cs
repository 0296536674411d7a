namespace Mesh.Ipam.Service.Directory;

// Stored events of the service itself (not of a pool): type names in IpamModule, never changed.

/// <summary>What the IPAM service knows of a VPC for subnet choice (IPAM-3); stream ipam-vpc-&lt;name&gt;.</summary>
public sealed record VpcRecorded(string Name, IReadOnlyList<string> Namespaces, string? DefaultSubnet);

/// <summary>
/// The answer to one subnet-deletion saga (SUB-9); stream subnet-deletion-&lt;sagaId&gt;, so a saga is
/// answered once however often its request is delivered. Published as SubnetDeletionPrepared/Refused.
/// </summary>
/// <summary>POOL-2: the pool's answer to a subnet change (stream subnet-change-&lt;saga&gt;), published as SubnetChangeAccepted/Refused.</summary>
public sealed record PoolChangeAnswered(string Subnet, Guid SagaId, bool Accepted, string? Code, string? Message, string? Field, string? Value,
    string? Remedy);

public sealed record PoolDeletionAnswered(string Subnet, Guid SagaId, bool Prepared, long Allocated, IReadOnlyList<string> Holders);
