using MassTransit;
using Mesh.Contracts.Sriov;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>An SR-IOV network was deleted: its pool goes once empty.</summary>
public sealed class SriovIpRangeRemovedConsumer(PoolEventsHandler handler) : IConsumer<SriovIpRangeRemoved>
{
    public Task Consume(ConsumeContext<SriovIpRangeRemoved> context) =>
        handler.SriovRangeRemovedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
