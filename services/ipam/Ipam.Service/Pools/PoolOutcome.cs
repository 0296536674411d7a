using Mesh.Contracts;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;

namespace Mesh.Ipam.Service.Pools;

/// <summary>What a pool command's caller gets back, read from the state right after its decision.</summary>
public sealed record PoolOutcome(
    Allocation? Allocation,
    string Vpc,
    string CidrBlock,
    string Gateway,
    IReadOnlyList<IpReleased> Released,
    int Suspected,
    int Cleared,
    int Due = 0,
    int NodeAllocations = 0,
    int Withheld = 0)
{
    public static PoolOutcome Of(SubnetPool state, IpamCommand command, Decision decision)
    {
        var allocation = command is AllocateIp a && !decision.IsRejected
            ? state.AllocationOf(a.PodUid, string.IsNullOrWhiteSpace(a.Interface) ? AllocationOwner.PrimaryInterface : a.Interface)
            : null;
        return new PoolOutcome(allocation, state.Vpc, state.CidrBlock, state.Gateway,
            [.. decision.Events.OfType<IpReleased>()],
            decision.Events.OfType<LeakSuspected>().Count(),
            decision.Events.OfType<LeakCleared>().Count(),
            command is ReportLivePods r ? IpamDecider.Due(state, r.Node, r.Now, r.EffectiveGrace, r.RequiredReports).Count() : 0,
            command is ReportLivePods n ? state.AllocationsOn(n.Node).Count() : 0,
            command is ReclaimLeaks { Withhold: not null } w ? IpamDecider.Due(state, w.Node, w.Now, w.Grace, w.RequiredReports).Count() : 0);
    }
}
