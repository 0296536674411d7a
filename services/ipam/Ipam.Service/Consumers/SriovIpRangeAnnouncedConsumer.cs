using MassTransit;
using Mesh.Contracts.Sriov;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>SRIOV-6: an SR-IOV network's range becomes a pool.</summary>
public sealed class SriovIpRangeAnnouncedConsumer(PoolEventsHandler handler) : IConsumer<SriovIpRangeAnnounced>
{
    public Task Consume(ConsumeContext<SriovIpRangeAnnounced> context) =>
        handler.SriovRangeAnnouncedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
