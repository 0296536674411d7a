using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Ipam;
using Mesh.Messaging;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>IPAM-11: a node agent's live-pod report; answers when the sender asked for an answer.</summary>
public sealed class ReportLivePodsConsumer(AllocationHandler handler) : IConsumer<ReportLivePods>
{
    public async Task Consume(ConsumeContext<ReportLivePods> context)
    {
        var (ok, error) = await handler.ReportLivePodsAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
        await BusReply.AnswerAsync(context, error is null ? ok! : (object)Rejected.From(error));
    }
}
