namespace Mesh.Sriov.Domain;

/// One node's SR-IOV state (stream `sriov-node-<name>`): reported PFs, labels, sync status,
/// desired configuration and VF allocations. The node's single-writer actor applies events in
/// place; deciders only read.
public sealed class SriovNode
{
    private readonly Dictionary<string, string> labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DesiredPfConfig> desired = new(StringComparer.Ordinal);
    private readonly HashSet<string> pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VfAllocation> allocations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> holders = new(StringComparer.Ordinal);
    private List<SriovInterface> interfaces = [];

    private SriovNode(string name) => Name = name;

    public string Name { get; }

    public static string StreamId(string node) => $"sriov-node-{node}";

    public long Version { get; private set; }

    public string? SyncStatus { get; private set; }

    public IReadOnlyDictionary<string, string> Labels => labels;

    public IReadOnlyList<SriovInterface> Interfaces => interfaces;

    /// Desired configuration per PF address.
    public IReadOnlyDictionary<string, DesiredPfConfig> Desired => desired;

    /// PFs being reconfigured: nothing is allocated on them until the agent reports `Succeeded`.
    public IReadOnlySet<string> PendingPfs => pending;

    /// SRIOV-5a: the generation of the desired configuration (1, 2, ... per node).
    public long DesiredGeneration { get; private set; }

    public IReadOnlyDictionary<string, VfAllocation> Allocations => allocations;

    /// The pod uid holding a VF, by the VF's PCI address.
    public IReadOnlyDictionary<string, string> VfHolders => holders;

    public NodeInventory Inventory => new(Name, labels, interfaces);

    public static SriovNode Create(string name, IEnumerable<object>? history = null)
    {
        var node = new SriovNode(name);
        foreach (var e in history ?? [])
        {
            node.Apply(e);
        }
        return node;
    }

    public void Apply(object e)
    {
        switch (e)
        {
            case NodeLabelsReported l:
                labels.Clear();
                foreach (var (k, v) in l.Labels)
                {
                    labels[k] = v;
                }
                break;
            case NodeStateReported s:
                interfaces = [.. s.Interfaces];
                SyncStatus = s.SyncStatus;
                if (s.ReopenedPfs is { } reopened)
                {
                    pending.ExceptWith(reopened);
                }
                else if (s.SyncStatus == Domain.SyncStatus.Succeeded)
                {
                    pending.Clear();
                }
                break;
            case NodeConfigurationDesired d:
                desired.Clear();
                foreach (var pf in d.Pfs)
                {
                    desired[pf.PciAddress] = pf;
                }
                pending.UnionWith(d.AffectedPfs);
                DesiredGeneration = d.Generation > 0 ? d.Generation : DesiredGeneration + 1;
                SyncStatus = Domain.SyncStatus.InProgress;
                break;
            case VfsAllocated a:
                allocations[a.PodUid] = new VfAllocation(a.PodUid, a.PodNamespace, a.PodName, a.Runtime, a.Vfs, a.Project);
                foreach (var vf in a.Vfs)
                {
                    holders[vf.VfPciAddress] = a.PodUid;
                }
                break;
            case VfsReleased r:
                allocations.Remove(r.PodUid);
                foreach (var vf in r.Vfs.Where(vf => holders.GetValueOrDefault(vf.VfPciAddress) == r.PodUid))
                {
                    holders.Remove(vf.VfPciAddress);
                }
                break;
        }
        Version++;
    }
}
