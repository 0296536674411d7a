using MassTransit;
using Mesh.Contracts.Vpc;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>SUB-9 end: the closed pool is deleted.</summary>
public sealed class SubnetRemovedConsumer(DeletionSagaHandler handler) : IConsumer<SubnetRemoved>
{
    public Task Consume(ConsumeContext<SubnetRemoved> context) =>
        handler.RemovedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
