using MassTransit;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Leaks;
using Mesh.Sriov.Service.Handlers;

namespace Mesh.Sriov.Service.Consumers;

/// IPAM-11b: the node agent's published live-pod report (the one IPAM reclaims addresses from) reclaims VFs here.
public sealed class ReportLivePodsConsumer(VfAllocationHandler handler, LeakPolicy policy) : IConsumer<ReportLivePods>
{
    public Task Consume(ConsumeContext<ReportLivePods> context) =>
        handler.ReportNodePodsAsync(context.Message, policy, Meta.FromBus(context, nameof(ReportLivePods), "platform"), context.CancellationToken);
}
