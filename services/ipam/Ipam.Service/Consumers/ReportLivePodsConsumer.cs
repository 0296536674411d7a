using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Ipam;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>IPAM-11: a node agent's live-pod report; answers when the sender asked for an answer.</summary>
public sealed class ReportLivePodsConsumer(AllocationHandler handler) : IConsumer<ReportLivePods>
{
    public async Task Consume(ConsumeContext<ReportLivePods> context)
    {
        var (ok, error) = await handler.ReportLivePodsAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
        if (context.ResponseAddress is null)
        {
            return;
        }
        await (error is null ? context.RespondAsync(ok!) : context.RespondAsync(Rejected.From(error)));
    }
}
