using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.Hosting;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Api;

namespace Mesh.Vpc.Service.Handlers;

// SUB-9 from the caller's side: request the deletion (the subnet goes to Deleting and the log
// publishes SubnetDeletionRequested), then wait a bounded time for IPAM's answer (SagaWait).
public sealed class SubnetDeletion(TopologyService topology, ResourceViews views, VpcSagaOptions options, TimeProvider clock)
{
    public async Task<IResult> DeleteAsync(string name, EventMetadata metadata, long? expectedVersion, CancellationToken ct)
    {
        var outcome = await topology.SubmitAsync(new RequestSubnetDeletion(name, Guid.NewGuid()), metadata, expectedVersion, ct);
        if (outcome.Decision.Error is { } error)
        {
            return MeshProblems.Problem(error);
        }
        // The saga that runs: ours, or the one already running when the request was a repeat.
        var saga = (outcome.Decision.Events.OfType<SubnetDeletionRequested>().FirstOrDefault()?.SagaId)
            ?? await topology.QueryAsync(s => s.Subnets.GetValueOrDefault(name)?.DeletionSaga ?? Guid.Empty, ct);
        return await SagaWait.UntilAsync(clock, options.DeletionWait, async () =>
        {
            var subnet = await topology.QueryAsync(s => s.Subnets.GetValueOrDefault(name), ct);
            if (subnet is null)
            {
                return TypedResults.Ok(StatusDocument.Deleted("kubeovn.io", "subnets", name));
            }
            if (subnet.Deleting)
            {
                return null;
            }
            var abort = subnet.LastAbort;
            return MeshProblems.Problem(abort is not null && abort.SagaId == saga
                ? TopologyErrors.SubnetInUse(name, abort.AllocatedCount, abort.Holders)
                : new MeshError(VpcErrorCodes.SubnetInUse, $"the deletion of subnet '{name}' was called off", ErrorKind.Conflict, "metadata.name", name));
        }, async () => TypedResults.Accepted((string?)null, await topology.QueryAsync(s => views.Subnet(s, name), ct)), ct);
    }
}
