using MassTransit;
using Mesh.Contracts.Vpc;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>A NAT gateway's LAN address is reserved as a static allocation.</summary>
public sealed class NatGatewayAnnouncedConsumer(PoolEventsHandler handler) : IConsumer<NatGatewayAnnounced>
{
    public Task Consume(ConsumeContext<NatGatewayAnnounced> context) =>
        handler.NatGatewayAnnouncedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
