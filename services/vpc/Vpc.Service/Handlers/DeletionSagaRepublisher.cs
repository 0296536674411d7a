using MassTransit;
using Mesh.Vpc.Domain;
using Bus = Mesh.Contracts.Vpc;

namespace Mesh.Vpc.Service.Handlers;

// SUB-9 survives restarts: the saga's state is the stream (subnets in Deleting with their saga id).
// Whatever was lost while a service was down (the request, or IPAM's answer), asking again with
// the same saga id recovers it; IPAM answers a repeated request as it answered the first.
public sealed class DeletionSagaRepublisher(TopologyService topology, IBus bus, VpcSagaOptions options, TimeProvider clock,
    ILogger<DeletionSagaRepublisher> logger) : BackgroundService
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
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "re-publishing pending subnet deletions failed; retrying at the next tick");
            }
        }
    }
}
