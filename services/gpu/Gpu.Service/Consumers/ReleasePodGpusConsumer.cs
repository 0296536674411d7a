using MassTransit;
using Mesh.Contracts.Gpu;
using Mesh.Gpu.Service.Handlers;

namespace Mesh.Gpu.Service.Consumers;

/// <summary>Releasing twice is not an error; platform services on the bus act for every project.</summary>
public sealed class ReleasePodGpusConsumer(GpuAssignments assignments) : IConsumer<ReleasePodGpus>
{
    public Task Consume(ConsumeContext<ReleasePodGpus> context) => BusReplies.AnswerAsync(context, () =>
        assignments.ReleaseAsync(context.Message.PodUid, context.Message.Project,
            Metadata.From(context, nameof(ReleasePodGpus), context.Message.Project) with { Reason = context.Message.Reason },
            _ => true, context.CancellationToken));
}
