using MassTransit;
using Mesh.Contracts.Vpc;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>A NAT gateway's LAN address is released.</summary>
public sealed class NatGatewayRemovedConsumer(PoolEventsHandler handler) : IConsumer<NatGatewayRemoved>
{
    public Task Consume(ConsumeContext<NatGatewayRemoved> context) =>
        handler.NatGatewayRemovedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
