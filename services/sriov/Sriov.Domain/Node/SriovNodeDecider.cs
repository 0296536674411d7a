using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

/// Decides a node's inventory and configuration commands (SRIOV-1, SRIOV-4, SRIOV-5).
public static class SriovNodeDecider
{
    public static Decision Decide(SriovNode node, ReportNodeLabels command)
    {
        var same = node.Labels.Count == command.Labels.Count
            && command.Labels.All(kv => node.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
        return same
            ? Decision.Nothing
            : Decision.Accept(new NodeLabelsReported(node.Name, new SortedDictionary<string, string>(command.Labels.ToDictionary(), StringComparer.Ordinal)));
    }

    public static Decision Decide(SriovNode node, ReportNodeState command)
    {
        var (status, error) = NodeStateValidator.Validate(command.Status);
        if (status is null)
        {
            return Decision.Reject(error!);
        }
        var reopened = Reopened(node, status);
        if (status.SyncStatus == node.SyncStatus && Canonical.Same(status.Interfaces, node.Interfaces) && reopened.Count == 0)
        {
            return Decision.Nothing;
        }
        return Decision.Accept(new NodeStateReported(node.Name, status.Interfaces, status.SyncStatus!, reopened, status.ObservedGeneration));
    }

    /// <summary>
    /// SRIOV-5a: the pending PFs this report proves reconfigured: it says `Succeeded`, is not of an older generation
    /// than the desired one (a report without a generation is judged by its content alone), and the PF shows the
    /// desired `numVfs` VFs bound to the driver of the desired `deviceType` (vfio-pci, or a kernel netdevice driver).
    /// </summary>
    public static IReadOnlyList<string> Reopened(SriovNode node, SriovNetworkNodeStateStatus status)
    {
        if (status.SyncStatus != SyncStatus.Succeeded || node.PendingPfs.Count == 0
            || (status.ObservedGeneration is { } observed && observed < node.DesiredGeneration))
        {
            return [];
        }
        return node.PendingPfs.Where(pf => Matches(status.Interfaces.FirstOrDefault(i => i.PciAddress == pf), node.Desired.GetValueOrDefault(pf)))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static bool Matches(SriovInterface? reported, DesiredPfConfig? desired)
    {
        if (reported is null)
        {
            return false;
        }
        if (desired is null)
        {
            return reported.NumVfs == 0; // no policy any more: the PF is unmanaged once its VFs are gone
        }
        var vfio = string.Equals(desired.DeviceType, "vfio-pci", StringComparison.OrdinalIgnoreCase);
        return reported.NumVfs == desired.NumVfs && reported.VfList.Count == desired.NumVfs
            && reported.VfList.All(vf => vfio
                ? string.Equals(vf.Driver, "vfio-pci", StringComparison.OrdinalIgnoreCase)
                : !string.Equals(vf.Driver, "vfio-pci", StringComparison.OrdinalIgnoreCase));
    }

    /// Merge every policy into the node's desired configuration. Unchanged: nothing, or
    /// `PolicyMatchedNoDevices` when the triggering policy selects this node but none of its PFs.
    public static Decision Decide(SriovNode node, ReconcileNodePolicies command)
    {
        var inventory = node.Inventory;
        foreach (var policy in command.Policies)
        {
            if (PolicyPlanner.CheckAgainstNode(policy, inventory) is { } error)
            {
                return Decision.Reject(error);
            }
        }
        var plan = PolicyPlanner.Plan(inventory, command.Policies);
        var affected = plan.Keys.Union(node.Desired.Keys)
            .Where(pf => plan.GetValueOrDefault(pf) != node.Desired.GetValueOrDefault(pf))
            .Order(StringComparer.Ordinal)
            .ToList();
        var events = new List<object>();
        if (affected.Count > 0)
        {
            var holders = Holders(node, affected);
            events.Add(new NodeConfigurationDesired(node.Name, [.. plan.Values], affected, holders, Warning(node.Name, affected, holders),
                node.DesiredGeneration + 1));
        }
        var trigger = command.Policies.FirstOrDefault(p => p.Name == command.TriggeredBy);
        if (trigger is not null && PolicyPlanner.SelectsNode(trigger, node.Labels) && PolicyPlanner.MatchedPfs(trigger, inventory).Count == 0)
        {
            events.Add(new PolicyMatchedNoDevices(trigger.Name, node.Name,
                $"no interface reported by node {node.Name} matches spec.nicSelector; write the policy from sriovNetworkNodeState.status.interfaces"));
        }
        return events.Count == 0 ? Decision.Nothing : Decision.Accept(events);
    }

    private static List<PodVfHolder> Holders(SriovNode node, IReadOnlyCollection<string> pfs) =>
        node.Allocations.Values
            .Select(a => (a, vfs: a.Vfs.Where(v => pfs.Contains(v.PfPciAddress)).Select(v => v.VfPciAddress).ToList()))
            .Where(x => x.vfs.Count > 0)
            .OrderBy(x => x.a.PodUid, StringComparer.Ordinal)
            .Select(x => new PodVfHolder(x.a.PodUid, x.a.Namespace, x.a.Name, x.vfs))
            .ToList();

    private static string Warning(string node, IReadOnlyList<string> pfs, IReadOnlyList<PodVfHolder> holders)
    {
        var pods = holders.Count == 0
            ? "no pod holds VFs on them"
            : "pods holding VFs on them: " + string.Join(", ", holders.Select(h => $"{h.Namespace}/{h.Name}"));
        return $"node {node} will apply the SR-IOV configuration of PF(s) {string.Join(", ", pfs)} and may restart; {pods}";
    }
}
