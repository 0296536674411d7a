using MassTransit;
using Mesh.Contracts.Ipam;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Handlers;

namespace Mesh.Vpc.Service.Consumers;

// POOL-2: IPAM applied the subnet change: it is committed. Idempotent by the domain (a repeat, or an answer
// of another agreement, decides nothing), so no inbox is needed.
public sealed class SubnetChangeAcceptedConsumer(TopologyService topology, ILogger<SubnetChangeAcceptedConsumer> logger)
    : IConsumer<SubnetChangeAccepted>
{
    public async Task Consume(ConsumeContext<SubnetChangeAccepted> context)
    {
        var m = context.Message;
        var outcome = await topology.SubmitAsync(new ConfirmSubnetChange(m.Subnet, m.SagaId),
            BusMetadata.From(context, nameof(SubnetChangeAccepted)), null, context.CancellationToken);
        if (outcome.Decision.Error is { } error)
        {
            logger.LogInformation("ignored SubnetChangeAccepted for {Subnet} (saga {Saga}): {Error}", m.Subnet, m.SagaId, error);
        }
    }
}

// POOL-2: IPAM refused the subnet change: it is dropped, the subnet keeps its spec, and the refusal is its status.
public sealed class SubnetChangeRefusedConsumer(TopologyService topology, ILogger<SubnetChangeRefusedConsumer> logger)
    : IConsumer<SubnetChangeRefused>
{
    public async Task Consume(ConsumeContext<SubnetChangeRefused> context)
    {
        var m = context.Message;
        var outcome = await topology.SubmitAsync(new AbortSubnetChange(m.Subnet, m.SagaId, m.Code, m.Message, m.Field, m.Value, m.Remedy),
            BusMetadata.From(context, nameof(SubnetChangeRefused)), null, context.CancellationToken);
        if (outcome.Decision.Error is { } error)
        {
            logger.LogInformation("ignored SubnetChangeRefused for {Subnet} (saga {Saga}): {Error}", m.Subnet, m.SagaId, error);
        }
    }
}
