using MassTransit;
using Mesh.Contracts.Nodes;
using Mesh.Ipam.Service.Handlers;
using Mesh.Messaging;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>NODE-1: a removed node's addresses go back with reason NodeRemoved.</summary>
public sealed class NodeRemovedConsumer(AllocationHandler handler) : IConsumer<NodeRemoved>
{
    public Task Consume(ConsumeContext<NodeRemoved> context) =>
        handler.RemoveNodeAsync(context.Message.Node, BusMetadata.From(context).For(nameof(NodeRemoved), NodeRemoved.Reason), context.CancellationToken);
}
