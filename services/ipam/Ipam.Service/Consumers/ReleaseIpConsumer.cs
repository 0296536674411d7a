using MassTransit;
using Mesh.Contracts;
using Mesh.Messaging;
using Mesh.Contracts.Ipam;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>Request/response: answers <see cref="IpReleaseResult"/> (empty when nothing was held) or <see cref="Rejected"/>.</summary>
public sealed class ReleaseIpConsumer(AllocationHandler handler) : IConsumer<ReleaseIp>
{
    public async Task Consume(ConsumeContext<ReleaseIp> context)
    {
        var (ok, error) = await handler.ReleaseAsync(context.Message, BusMetadata.From(context, context.Message.Project), context.CancellationToken);
        if (error is not null)
        {
            await BusReply.AnswerAsync(context, Rejected.From(error));
            return;
        }
        await BusReply.AnswerAsync(context, ok!);
    }
}
