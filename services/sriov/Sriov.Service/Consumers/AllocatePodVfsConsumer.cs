using MassTransit;
using Mesh.Contracts;
using Mesh.Messaging;
using Mesh.Contracts.Sriov;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Handlers;

namespace Mesh.Sriov.Service.Consumers;

/// `AllocatePodVfs` on the bus: answers `PodVfAllocation` or `Rejected`. Idempotent on the pod uid (COMMON-2).
public sealed class AllocatePodVfsConsumer(VfAllocationHandler handler) : IConsumer<AllocatePodVfs>
{
    public async Task Consume(ConsumeContext<AllocatePodVfs> context)
    {
        var (allocation, error) = await handler.AllocateAsync(context.Message,
            Meta.FromBus(context, nameof(AllocateVfs), context.Message.Project), context.CancellationToken);
        if (error is not null)
        {
            await BusReply.AnswerAsync(context, Rejected.From(error));
            return;
        }
        await BusReply.AnswerAsync(context, allocation!);
    }
}
