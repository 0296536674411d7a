using Mesh.Contracts.Vpc;
using Mesh.EventSourcing;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Service.Directory;

namespace Mesh.Ipam.Service.Handlers;

/// <summary>
/// The IPAM side of the subnet-deletion saga (SUB-9). The answer is a stored event of its own stream
/// (subnet-deletion-&lt;sagaId&gt;), published through the log: a saga is answered exactly once, and a
/// crash between closing the pool and answering is repaired by the redelivered request.
/// </summary>
public sealed class DeletionSagaHandler(PoolWriter pools, EventStore store, SubnetDirectoryCache directory, TimeProvider clock,
    ILogger<DeletionSagaHandler> logger)
{
    public static string AnswerStream(Guid sagaId) => $"subnet-deletion-{sagaId:N}";

    public async Task RequestedAsync(SubnetDeletionRequested m, EventMetadata meta, CancellationToken ct)
    {
        if (await store.StreamVersionAsync(AnswerStream(m.SagaId), ct) > 0)
        {
            return;
        }
        var outcome = await pools.SubmitAsync(m.Name, new RequestPoolDeletion(m.Name, clock.GetUtcNow()), meta.For(nameof(RequestPoolDeletion)), ct);
        PoolDeletionAnswered answer;
        if (outcome.Decision.Error?.Code == IpamErrors.SubnetInUseCode)
        {
            var (count, holders) = await pools.QueryAsync(m.Name, s => (s.AllocationCount,
                s.Allocations.OrderBy(a => a.AllocatedAt).Take(5).Select(a => $"{a.IpAddress} {a.Holder}").ToList()), ct);
            answer = new PoolDeletionAnswered(m.Name, m.SagaId, false, count, holders);
        }
        else
        {
            // Closed now, closed already, or never a pool here: nothing holds an address of it.
            answer = new PoolDeletionAnswered(m.Name, m.SagaId, true, 0, []);
        }
        try
        {
            await store.AppendAsync(AnswerStream(m.SagaId), ExpectedVersion.NoStream, [answer], meta.For(nameof(SubnetDeletionRequested)), ct);
        }
        catch (ConcurrencyException)
        {
            // A concurrent copy of the same request answered first.
        }
    }

    public async Task RemovedAsync(SubnetRemoved m, EventMetadata meta, CancellationToken ct)
    {
        var outcome = await pools.SubmitAsync(m.Name, new ConfirmPoolDeletion(m.Name, clock.GetUtcNow()), meta.For(nameof(ConfirmPoolDeletion)), ct);
        if (outcome.Decision.Error is { } error)
        {
            logger.LogWarning("SubnetRemoved {Subnet} (saga {Saga}) not applied: {Error}", m.Name, m.SagaId, error);
        }
        directory.Invalidate();
    }

    public async Task AbortedAsync(SubnetDeletionAborted m, EventMetadata meta, CancellationToken ct)
    {
        var outcome = await pools.SubmitAsync(m.Name, new AbortPoolDeletion(m.Name, clock.GetUtcNow()), meta.For(nameof(AbortPoolDeletion), m.Reason), ct);
        if (outcome.Decision.Error is { } error)
        {
            logger.LogWarning("SubnetDeletionAborted {Subnet} (saga {Saga}) not applied: {Error}", m.Name, m.SagaId, error);
        }
    }
}
