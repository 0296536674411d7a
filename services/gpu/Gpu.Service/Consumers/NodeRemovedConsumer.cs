using MassTransit;
using Mesh.Contracts.Nodes;
using Mesh.Gpu.Service.Handlers;

namespace Mesh.Gpu.Service.Consumers;

/// <summary>NODE-1: a removed node's cards go back with reason NodeRemoved, and it leaves scheduling.</summary>
public sealed class NodeRemovedConsumer(GpuAssignments assignments) : IConsumer<NodeRemoved>
{
    public Task Consume(ConsumeContext<NodeRemoved> context) =>
        assignments.RemoveNodeAsync(context.Message.Node, Metadata.From(context, nameof(NodeRemoved), null), context.CancellationToken);
}
