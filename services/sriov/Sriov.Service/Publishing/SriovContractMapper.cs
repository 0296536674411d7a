using Mesh.Contracts.Sriov;
using Mesh.EventSourcing;
using Mesh.Messaging;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Streams;

namespace Mesh.Sriov.Service.Publishing;

/// Stored events to the bus contracts node agents, the CNI and the IPAM service read.
public sealed class SriovContractMapper : IEventContractMapper
{
    public IEnumerable<object> Map(RecordedEvent recorded) => recorded.Data switch
    {
        NetworkAttachmentDefinitionRendered n => [new NetworkAttachmentDefinitionApplied(n.Name, n.Namespace, n.Annotations, n.Config)],
        NetworkAttachmentDefinitionDeleted n => [new NetworkAttachmentDefinitionRemoved(n.Name, n.Namespace)],
        NetworkPoolDefined p => [new SriovIpRangeAnnounced(p.Namespace, p.Network, p.Range, p.Gateway, [.. p.Exclude.Select(ExcludeRange.Of)])
            { Generation = recorded.Position, PoolName = p.Pool, PoolProvider = p.Provider }],
        NetworkPoolClosed p => [new SriovIpRangeRemoved(p.Namespace, p.Network) { PoolName = p.Pool }],
        NodeConfigurationDesired d => [Desired(d) with { Generation = recorded.Position, ConfigurationGeneration = d.Generation }],
        PolicyMatchedNoDevices p => [new SriovPolicyMatchedNoDevices(p.Policy, p.Node, p.Reason)],
        PodVfsReady r => [new SriovVfsAllocated(r.Node, r.PodUid, r.PodNamespace, r.PodName, r.Runtime, PodVfs.Of(r.Vfs, r.Addresses))],
        PodVfsReleased r => [new SriovVfsReleased(r.Node, r.PodUid, r.PodNamespace, r.PodName, PodVfs.Of(r.Vfs, r.Addresses), r.Reason)],
        _ => [],
    };

    private static SriovNodeConfigurationDesired Desired(NodeConfigurationDesired d) => new(
        d.Node,
        [.. d.Pfs.Select(PodVfs.Pf)],
        d.AffectedPfs,
        [.. d.PodsHoldingVfs.Select(h => new SriovPodOnReconfiguredPf(h.PodUid, h.Namespace, h.Name, h.Vfs))],
        d.Warning);
}
