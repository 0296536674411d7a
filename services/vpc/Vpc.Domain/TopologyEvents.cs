namespace Mesh.Vpc.Domain;

// Events of the single `topology` stream. Stored type names: TopologyEventTypes.

public sealed record ExternalNetworkRegistered(ExternalNetwork Network);

public sealed record VpcCreated(string Name, VpcSpec Spec);

public sealed record VpcUpdated(string Name, VpcSpec Spec);

public sealed record VpcDeleted(string Name);

public sealed record SubnetCreated(SubnetDefinition Subnet);

public sealed record SubnetUpdated(SubnetDefinition Subnet);

// VPC-3: a warning, recorded so that status and SREs can see it; nothing is refused.
public sealed record SubnetWithoutEgress(string Subnet, string Vpc, string Message);

// SUB-9 saga: IPAM closes the pool and answers with Confirm (no allocations) or Abort.
public sealed record SubnetDeletionRequested(SubnetDefinition Subnet, Guid SagaId = default);

public sealed record SubnetDeletionAborted(string Subnet, long AllocatedCount, IReadOnlyList<string> Holders, Guid SagaId = default)
{
    public bool Equals(SubnetDeletionAborted? other) =>
        other is not null && Subnet == other.Subnet && AllocatedCount == other.AllocatedCount && Seq.Eq(Holders, other.Holders)
        && SagaId == other.SagaId;

    public override int GetHashCode() => HashCode.Combine(Subnet, AllocatedCount, Seq.Hash(Holders), SagaId);
}

public sealed record SubnetDeleted(SubnetDefinition Subnet, Guid SagaId = default);

// POOL-2: a change of what the IPAM service applies too (gateway, excludeIps, projectIDs, namespaces) is
// agreed before it is committed. Requested: the new definition waits, the old one stays in force in both
// services; IPAM applies it and accepts (then SubnetUpdated commits it) or refuses (then it is aborted, with
// IPAM's reason). A subnet has at most one change in agreement.
public sealed record SubnetChangeRequested(SubnetDefinition Subnet, Guid SagaId);

public sealed record SubnetChangeAborted(string Subnet, Guid SagaId, string Code, string Message, string? Field, string? Value, string? Remedy);

public sealed record SubnetUsageChanged(string Subnet, SubnetUsage Usage, long PoolVersion = 0);

public sealed record NatGatewayCreated(NatGateway Gateway);

public sealed record NatGatewayUpdated(NatGateway Gateway);

public sealed record NatGatewayDeleted(NatGateway Gateway);
