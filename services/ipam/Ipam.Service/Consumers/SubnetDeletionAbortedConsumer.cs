using MassTransit;
using Mesh.Contracts.Vpc;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>SUB-9 called off: the pool reopens.</summary>
public sealed class SubnetDeletionAbortedConsumer(DeletionSagaHandler handler) : IConsumer<SubnetDeletionAborted>
{
    public Task Consume(ConsumeContext<SubnetDeletionAborted> context) =>
        handler.AbortedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
