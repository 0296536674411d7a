using MassTransit;
using Mesh.Contracts.Gpu;
using Mesh.Gpu.Service.Handlers;

namespace Mesh.Gpu.Service.Consumers;

/// <summary>Idempotent by domain rules: an unchanged inventory appends nothing (COMMON-2).</summary>
public sealed class ReportGpuInventoryConsumer(GpuNodes nodes) : IConsumer<ReportGpuInventory>
{
    public Task Consume(ConsumeContext<ReportGpuInventory> context) => BusReplies.AnswerAsync(context, () =>
        nodes.ReportAsync(context.Message, Metadata.From(context, nameof(ReportGpuInventory)), context.CancellationToken));
}
