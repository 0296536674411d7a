using Mesh.Contracts;
using Mesh.EventSourcing.Actors;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Streams;

/// The node stream `sriov-node-<name>` for its single writer. The result is what the caller needs:
/// the pod's allocation, its recorded addresses, or what a release gave back.
public sealed class NodeBehavior(SriovSettings settings) : IStreamBehavior<NodeState, object, object?>
{
    public string StreamId(string key) => SriovNode.StreamId(key);

    public NodeState Initial(string key) => new(SriovNode.Create(key));

    public NodeState Apply(NodeState state, object @event) => state.Apply(@event);

    public Decision Decide(NodeState state, object command) => command switch
    {
        ReportNodeLabels c => SriovNodeDecider.Decide(state.Node, c),
        ReportNodeState c => SriovNodeDecider.Decide(state.Node, c),
        ReconcileNodePolicies c => SriovNodeDecider.Decide(state.Node, c),
        AllocateWithConfig c => VfAllocator.Decide(state.Node, c.Command, c.Config, settings),
        RecordVfAddresses c => Record(state, c),
        ReleaseVfs c => Release(state, c),
        ReportNodePods c => Decision.AcceptAny(state.Leaks.Report(state.Node.Name, state.Node.Allocations.Keys.ToList(), c.Live, c.Now, c.PodsKnown, c.Policy,
            uid => Reclaimed(state, uid))),
        RemoveNodeVfs => Decision.AcceptAny(state.Node.Allocations.Keys.Order(StringComparer.Ordinal)
            .SelectMany(uid => Release(state, new ReleaseVfs(state.Node.Name, uid, ReleaseReason.NodeRemoved)).Events).ToList()),
        ConfirmNodeReclaim c => Decision.AcceptAny(state.Leaks.Reclaim(state.Node.Name, state.Node.Allocations.Count, c.Now, c.Policy, confirmed: true,
            uid => Reclaimed(state, uid))),
        _ => throw new ArgumentException($"unknown node command {command.GetType().Name}"),
    };

    public object? Result(NodeState state, object command, Decision decision) => command switch
    {
        AllocateWithConfig c => state.Node.Allocations.GetValueOrDefault(c.Command.PodUid),
        RecordVfAddresses c => state.Ready.GetValueOrDefault(c.PodUid),
        ReleaseVfs => decision.Events.OfType<PodVfsReleased>().FirstOrDefault(),
        ReportNodePods or ConfirmNodeReclaim or RemoveNodeVfs => decision.Events.OfType<PodVfsReleased>().ToList(),
        _ => null,
    };

    private static Decision Record(NodeState state, RecordVfAddresses c)
    {
        if (!state.Node.Allocations.TryGetValue(c.PodUid, out var held))
        {
            return new MeshError("PodVfsReleased", $"pod {c.PodUid} released its VFs while its addresses were being allocated",
                ErrorKind.Conflict, "metadata.uid", c.PodUid, "retry the allocation");
        }
        if (state.Ready.TryGetValue(c.PodUid, out var ready) && ready.Addresses.SequenceEqual(c.Addresses))
        {
            return Decision.Nothing;
        }
        return Decision.Accept(new PodVfsReady(state.Node.Name, held.PodUid, held.Namespace, held.Name, held.Runtime, held.Vfs, c.Addresses));
    }

    private static IEnumerable<object> Reclaimed(NodeState state, string podUid) =>
        Release(state, new ReleaseVfs(state.Node.Name, podUid, LeakReclaimed)).Events;

    public const string LeakReclaimed = ReleaseReason.LeakReclaimed;

    private static Decision Release(NodeState state, ReleaseVfs c)
    {
        var decision = VfAllocator.Decide(state.Node, c);
        if (decision.IsRejected || decision.Events.OfType<VfsReleased>().FirstOrDefault() is not { } released)
        {
            return decision;
        }
        var addresses = state.Ready.TryGetValue(c.PodUid, out var ready) ? ready.Addresses : [];
        return Decision.Accept(released, new PodVfsReleased(released.Node, released.PodUid, released.PodNamespace,
            released.PodName, released.Vfs, addresses, released.Reason));
    }
}
