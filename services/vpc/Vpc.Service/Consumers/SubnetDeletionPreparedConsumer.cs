using MassTransit;
using Mesh.Contracts.Ipam;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Handlers;

namespace Mesh.Vpc.Service.Consumers;

// SUB-9: IPAM's pool is empty and closed: the subnet goes. Idempotent by the domain (a repeat, or
// an answer of another saga, decides nothing), so no inbox is needed.
public sealed class SubnetDeletionPreparedConsumer(TopologyService topology, ILogger<SubnetDeletionPreparedConsumer> logger)
    : IConsumer<SubnetDeletionPrepared>
{
    public async Task Consume(ConsumeContext<SubnetDeletionPrepared> context)
    {
        var m = context.Message;
        var outcome = await topology.SubmitAsync(new ConfirmSubnetDeletion(m.Subnet, m.SagaId),
            BusMetadata.From(context, "SubnetDeletionPrepared"), null, context.CancellationToken);
        if (outcome.Decision.Error is { } error)
        {
            logger.LogInformation("ignored SubnetDeletionPrepared for {Subnet} (saga {Saga}): {Error}", m.Subnet, m.SagaId, error);
        }
    }
}
