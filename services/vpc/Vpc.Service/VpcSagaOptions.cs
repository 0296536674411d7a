namespace Mesh.Vpc.Service;

// The subnet-deletion saga (SUB-9), section Mesh:Vpc:Saga.
public sealed record VpcSagaOptions
{
    public const string Section = "Mesh:Vpc:Saga";

    // How long DELETE waits for IPAM's answer before it answers 202 (still Deleting).
    public TimeSpan DeletionWait { get; init; } = TimeSpan.FromSeconds(10);

    // How often SubnetDeletionRequested is published again for subnets still Deleting, so that a
    // request or an answer lost while a service was down is asked again (IPAM answers repeats alike).
    public TimeSpan RepublishInterval { get; init; } = TimeSpan.FromSeconds(15);
}
