using MassTransit;
using Mesh.Contracts.Vpc;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>POOL-2: apply a subnet change if the pool can, answer Accepted or Refused.</summary>
public sealed class SubnetChangeRequestedConsumer(PoolEventsHandler handler) : IConsumer<SubnetChangeRequested>
{
    public Task Consume(ConsumeContext<SubnetChangeRequested> context) =>
        handler.SubnetChangeRequestedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
