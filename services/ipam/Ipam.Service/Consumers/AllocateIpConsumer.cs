using MassTransit;
using Mesh.Contracts;
using Mesh.Messaging;
using Mesh.Contracts.Ipam;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>Request/response: answers <see cref="IpAllocation"/> or <see cref="Rejected"/>; idempotent on (pod uid, interface).</summary>
public sealed class AllocateIpConsumer(AllocationHandler handler) : IConsumer<AllocateIp>
{
    public async Task Consume(ConsumeContext<AllocateIp> context)
    {
        var (ok, error) = await handler.AllocateAsync(context.Message, BusMetadata.From(context, context.Message.Project), context.CancellationToken);
        if (error is not null)
        {
            await BusReply.AnswerAsync(context, Rejected.From(error));
            return;
        }
        await BusReply.AnswerAsync(context, ok!);
    }
}
