using MassTransit;
using Mesh.Contracts.Vpc;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>IPAM-1: a subnet's pool is created or updated (a repeated announcement changes nothing).</summary>
public sealed class SubnetAnnouncedConsumer(PoolEventsHandler handler) : IConsumer<SubnetAnnounced>
{
    public Task Consume(ConsumeContext<SubnetAnnounced> context) =>
        handler.SubnetAnnouncedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
