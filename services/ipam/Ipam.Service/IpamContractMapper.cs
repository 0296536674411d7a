using Mesh.EventSourcing;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Service.Directory;
using Mesh.Messaging;
using Bus = Mesh.Contracts.Ipam;

namespace Mesh.Ipam.Service;

/// <summary>
/// Stored events to bus contracts. Address events carry the node routing key and, as Generation, their
/// stream version: an address lives in one pool stream, so its generations strictly increase.
/// </summary>
public sealed class IpamContractMapper(SubnetDirectoryCache directory) : IEventContractMapper
{
    public IEnumerable<object> Map(RecordedEvent recorded) => recorded.Data switch
    {
        IpAllocated a =>
        [
            new Bus.AddressAllocated(a.Node, a.PodUid, a.PodNamespace, a.PodName, a.Interface, a.Subnet, directory.VpcOf(a.Subnet),
                Join(a.V4, a.V6), a.Mac, a.Project, recorded.Version),
        ],
        IpReleased r =>
        [
            new Bus.AddressReleased(r.Node, r.PodUid, r.Interface, r.Subnet, directory.VpcOf(r.Subnet), Join(r.V4, r.V6), r.Reason, recorded.Version),
        ],
        SubnetUsageWarning w => [new Bus.SubnetUsageWarning(w.Subnet, w.Threshold, w.Percent, w.Total, w.Used)],
        PoolChangeAnswered { Accepted: true } p => [new Bus.SubnetChangeAccepted(p.Subnet, p.SagaId)],
        PoolChangeAnswered p => [new Bus.SubnetChangeRefused(p.Subnet, p.SagaId, p.Code ?? "", p.Message ?? "", p.Field, p.Value, p.Remedy)],
        PoolDeletionAnswered { Prepared: true } p => [new Bus.SubnetDeletionPrepared(p.Subnet, p.SagaId)],
        PoolDeletionAnswered p => [new Bus.SubnetDeletionRefused(p.Subnet, p.SagaId, p.Allocated, p.Holders)],
        _ => [],
    };

    private static string Join(string? v4, string? v6) => string.Join(',', new[] { v4, v6 }.OfType<string>());
}
