using MassTransit;
using Mesh.Contracts.Nodes;
using Mesh.Sriov.Service.Handlers;

namespace Mesh.Sriov.Service.Consumers;

/// NODE-1: a removed node's VFs go back with reason NodeRemoved.
public sealed class NodeRemovedConsumer(VfAllocationHandler handler) : IConsumer<NodeRemoved>
{
    public Task Consume(ConsumeContext<NodeRemoved> context) =>
        handler.RemoveNodeAsync(context.Message.Node, Meta.FromBus(context, nameof(NodeRemoved), "platform"), context.CancellationToken);
}
