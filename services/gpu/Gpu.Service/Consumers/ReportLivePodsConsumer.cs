using MassTransit;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Leaks;
using Mesh.Gpu.Service.Handlers;

namespace Mesh.Gpu.Service.Consumers;

/// <summary>IPAM-11b: the node agent's published live-pod report (the one IPAM reclaims addresses from) reclaims cards here.</summary>
public sealed class ReportLivePodsConsumer(GpuAssignments assignments, LeakPolicy policy) : IConsumer<ReportLivePods>
{
    public Task Consume(ConsumeContext<ReportLivePods> context) =>
        assignments.ReportNodePodsAsync(context.Message, policy, Metadata.From(context, nameof(ReportLivePods), null), context.CancellationToken);
}
