using MassTransit;
using Mesh.Contracts.Gpu;
using Mesh.Gpu.Service.Handlers;

namespace Mesh.Gpu.Service.Consumers;

/// <summary>Idempotent per pod uid: a repeated request gets the cards the pod already holds.</summary>
public sealed class AssignPodGpusConsumer(GpuAssignments assignments) : IConsumer<AssignPodGpus>
{
    public Task Consume(ConsumeContext<AssignPodGpus> context) => BusReplies.AnswerAsync(context, () =>
        assignments.AssignAsync(context.Message,
            Metadata.From(context, nameof(AssignPodGpus), context.Message.Pod?.Project), context.CancellationToken));
}
