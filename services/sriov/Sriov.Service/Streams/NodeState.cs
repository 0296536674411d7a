using Mesh.Contracts.Leaks;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Streams;

/// A node stream's state: the domain's node plus the VF addresses the host recorded.
public sealed class NodeState(SriovNode node)
{
    public SriovNode Node { get; } = node;

    public Dictionary<string, PodVfsReady> Ready { get; } = new(StringComparer.Ordinal);

    /// <summary>IPAM-11b: the pods holding VFs here that the node's reports miss.</summary>
    public PodLeakLedger Leaks { get; } = new();

    public NodeState Apply(object e)
    {
        switch (e)
        {
            case PodVfsReady r:
                Ready[r.PodUid] = r;
                break;
            case PodVfsReleased r:
                Ready.Remove(r.PodUid);
                break;
            case VfsReleased r:
                Ready.Remove(r.PodUid);
                Leaks.Forget(r.PodUid);
                break;
            default:
                Leaks.Apply(e);
                break;
        }
        Node.Apply(e);
        return this;
    }
}
