using MassTransit;
using Mesh.Contracts.Ipam;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Handlers;

namespace Mesh.Vpc.Service.Consumers;

// SUB-9: IPAM still holds addresses: the deletion is called off and the subnet stays. Idempotent
// by the domain: only the running saga's first refusal is recorded.
public sealed class SubnetDeletionRefusedConsumer(TopologyService topology, ILogger<SubnetDeletionRefusedConsumer> logger)
    : IConsumer<SubnetDeletionRefused>
{
    public async Task Consume(ConsumeContext<SubnetDeletionRefused> context)
    {
        var m = context.Message;
        var outcome = await topology.SubmitAsync(new AbortSubnetDeletion(m.Subnet, m.Allocated, m.Holders ?? [], m.SagaId),
            BusMetadata.From(context, "SubnetDeletionRefused"), null, context.CancellationToken);
        if (outcome.Decision.Error is { } error)
        {
            logger.LogInformation("ignored SubnetDeletionRefused for {Subnet} (saga {Saga}): {Error}", m.Subnet, m.SagaId, error);
        }
    }
}
