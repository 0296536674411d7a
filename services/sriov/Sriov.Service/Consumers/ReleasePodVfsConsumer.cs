using MassTransit;
using Mesh.Contracts.Sriov;
using Mesh.Messaging;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Handlers;

namespace Mesh.Sriov.Service.Consumers;

/// `ReleasePodVfs` on the bus: answers `PodVfRelease`. Releasing twice answers an empty release.
public sealed class ReleasePodVfsConsumer(VfAllocationHandler handler) : IConsumer<ReleasePodVfs>
{
    public async Task Consume(ConsumeContext<ReleasePodVfs> context)
    {
        var (released, _) = await handler.ReleaseAsync(context.Message.PodUid, context.Message.Reason,
            Meta.FromBus(context, nameof(ReleaseVfs), context.Message.Project), context.CancellationToken);
        await BusReply.AnswerAsync(context, released);
    }
}
