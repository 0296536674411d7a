using MassTransit;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Publishing;
using Npgsql;
using Bus = Mesh.Contracts.Vpc;

namespace Mesh.Vpc.Service.Handlers;

// SUB-9 and POOL-2 survive restarts: the sagas' state is the stream (subnets in Deleting, or with a change
// in agreement, with their saga id). Whatever was lost while a service was down (the request, or IPAM's
// answer), asking again with the same saga id recovers it; IPAM answers a repeated request as it answered
// the first. A change is asked again exactly as first published: same generation (its log position).
public sealed class DeletionSagaRepublisher(TopologyService topology, IBus bus, VpcSagaOptions options, TimeProvider clock,
    NpgsqlDataSource db, TopologySettings settings, ILogger<DeletionSagaRepublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RepublishInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var pending = await topology.QueryAsync(s => s.Subnets.Values.Where(x => x.Deleting)
                    .Select(x => new Bus.SubnetDeletionRequested(x.Name, x.DeletionSaga)).ToArray(), stoppingToken);
                foreach (var request in pending)
                {
                    logger.LogInformation("asking IPAM again to prepare the deletion of subnet {Subnet} (saga {Saga})", request.Name, request.SagaId);
                    await bus.Publish(request, stoppingToken);
                }
                var changes = await topology.QueryAsync(s => s.Subnets.Values.Select(x => x.PendingChange).OfType<SubnetChangeRequested>().ToArray(), stoppingToken);
                foreach (var change in changes)
                {
                    if (await PositionAsync(change.SagaId, stoppingToken) is not { } position)
                    {
                        continue;
                    }
                    logger.LogInformation("asking IPAM again to agree the change of subnet {Subnet} (saga {Saga})", change.Subnet.Name, change.SagaId);
                    await bus.Publish(new Bus.SubnetChangeRequested(change.Subnet.Name, change.SagaId,
                        new TopologyContractMapper(settings).Announce(change.Subnet) with { Generation = position }), stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "re-publishing pending subnet deletions failed; retrying at the next tick");
            }
        }
    }

    private async Task<long?> PositionAsync(Guid saga, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            "SELECT position FROM mesh_events WHERE type = 'vpc.subnet-change-requested.v1' AND data->>'sagaId' = $1 ORDER BY position DESC LIMIT 1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = saga.ToString() });
        return await cmd.ExecuteScalarAsync(ct) is long position ? position : null;
    }
}
