using Mesh.Contracts;
using Mesh.Fip.Domain.Errors;
using Mesh.Gpu.Domain;
using Mesh.Ipam.Domain;
using Mesh.Sriov.Domain;
using Mesh.Vpc.Domain;

namespace Mesh.Input.Tests;

/// <summary>
/// THE catalogue: a row for every refusal DOMAIN.md defines (and the input refusals COMMON-1/3/5 imply), each
/// sent to the real service by <see cref="RejectionCatalogueTests"/>. The rows live in one partial class per
/// service; <see cref="Excluded"/> says, code by code, why a declared code has no row.
/// </summary>
public static partial class RejectionCatalogue
{
    public static readonly IReadOnlyList<Rejection> Rows = [.. VpcRows, .. IpamRows, .. FipRows, .. SriovRows, .. GpuRows];

    /// <summary>Every error code the contracts and the services declare as a constant: each needs a row or an exclusion.</summary>
    public static readonly Type[] CodeTables =
        [typeof(ErrorCodes), typeof(VpcErrorCodes), typeof(IpamErrors), typeof(FipErrorCodes), typeof(SriovErrorCodes), typeof(GpuErrors)];

    /// <summary>
    /// Declared codes no row sends, and why. A code listed here must have no row (else drop it from here). Codes are
    /// what users see, so one code declared by two services (InvalidCidr, SubnetInUse, PoolNotFound) is covered by a row
    /// of either.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Excluded = new Dictionary<string, string>
    {
        // Internal answers of the SUB-9 deletion saga between the VPC and IPAM services: no user request
        // reaches them, they are never a reply (the saga's consumers settle them). Vpc.Tests DeletionSagaTests and
        // Ipam.Tests LifecycleTests drive them with a double on the bus.
        [VpcErrorCodes.SubnetDeletionNotRequested] = "a stale IPAM answer to a deletion saga; consumed by the VPC service, never a reply",
        [IpamErrors.PoolNotClosingCode] = "a stale SubnetRemoved for a pool that is not closing; consumed by IPAM, never a reply",
        // Transient saga states: they exist only between the VPC service's SubnetDeletionRequested and IPAM's
        // answer (milliseconds with the real IPAM service). Vpc.Tests SagaRestartTests holds IPAM's answer back
        // to show SubnetBeingDeleted; Ipam.Tests LifecycleTests shows SubnetClosing.
        [VpcErrorCodes.SubnetBeingDeleted] = "only while IPAM has not answered a deletion (SUB-9); the real IPAM answers at once",
        [VpcErrorCodes.SubnetBeingChanged] = "only while IPAM has not answered a subnet change (POOL-2); the real IPAM answers at once; EndToEnd SubnetChangeAgreementTests kills IPAM to show it",
        [IpamErrors.SubnetClosingCode] = "only between IPAM preparing a deletion (SUB-9) and the VPC service confirming it",
        // A race: the scheduler placed the pod on cards a concurrent commit took; the service schedules again
        // (MaxScheduleAttempts) and a user sees it only when every attempt lost. Gpu.Tests ReplicaBurstTests.
        [GpuErrors.PlacementConflictCode] = "a lost race between two schedulers' commits, retried by the service; Gpu.Tests ReplicaBurstTests",
    };

    public static Rejection Find(string key) => Rows.Single(r => r.Key == key);
}
