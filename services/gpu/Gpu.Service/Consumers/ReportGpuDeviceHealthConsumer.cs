using MassTransit;
using Mesh.Contracts.Gpu;
using Mesh.Gpu.Service.Handlers;

namespace Mesh.Gpu.Service.Consumers;

/// <summary>Idempotent by domain rules: a health already recorded appends nothing.</summary>
public sealed class ReportGpuDeviceHealthConsumer(GpuNodes nodes) : IConsumer<ReportGpuDeviceHealth>
{
    public Task Consume(ConsumeContext<ReportGpuDeviceHealth> context) => BusReplies.AnswerAsync(context, () =>
        nodes.HealthAsync(context.Message, Metadata.From(context, nameof(ReportGpuDeviceHealth)), context.CancellationToken));
}
