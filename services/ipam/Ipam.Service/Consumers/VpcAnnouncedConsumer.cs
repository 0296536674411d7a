using MassTransit;
using Mesh.Contracts.Vpc;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>IPAM-3: a VPC's namespaces and default subnet, for subnet choice.</summary>
public sealed class VpcAnnouncedConsumer(PoolEventsHandler handler) : IConsumer<VpcAnnounced>
{
    public Task Consume(ConsumeContext<VpcAnnounced> context) =>
        handler.VpcAnnouncedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
