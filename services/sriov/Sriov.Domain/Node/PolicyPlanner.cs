using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

/// SRIOV-3, SRIOV-4: which nodes and PFs a policy selects, the checks that need the node's
/// reported interfaces, and the merge of all policies into one desired configuration per PF.
public static class PolicyPlanner
{
    public static bool SelectsNode(SriovNetworkNodePolicy policy, IReadOnlyDictionary<string, string> labels) =>
        (policy.Spec.NodeSelector ?? new Dictionary<string, string>())
            .All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    public static bool SelectsPf(SriovNetworkNodePolicy policy, SriovInterface pf)
    {
        var nic = policy.Spec.NicSelector;
        if (nic is null)
        {
            return false;
        }
        return (nic.Vendor is null || string.Equals(nic.Vendor, pf.Vendor, StringComparison.OrdinalIgnoreCase))
            && (nic.DeviceID is null || string.Equals(nic.DeviceID, pf.DeviceID, StringComparison.OrdinalIgnoreCase))
            && (nic.PfNameList.Count == 0 || nic.PfNameList.Any(n => PfName(n) == pf.Name))
            && (nic.RootDeviceList.Count == 0 || nic.RootDeviceList.Any(d => SamePci(d, pf.PciAddress)));
    }

    /// The PFs of a node a policy configures (empty when the node is not selected).
    public static IReadOnlyList<SriovInterface> MatchedPfs(SriovNetworkNodePolicy policy, NodeInventory node) =>
        SelectsNode(policy, node.Labels) ? node.Interfaces.Where(pf => SelectsPf(policy, pf)).ToList() : [];

    /// Checks that need the node state: numVfs within the PF's totalvfs, and pfNames naming the
    /// same PFs as rootDevices.
    public static MeshError? CheckAgainstNode(SriovNetworkNodePolicy policy, NodeInventory node)
    {
        if (!SelectsNode(policy, node.Labels))
        {
            return null;
        }
        var nic = policy.Spec.NicSelector;
        if (nic is { PfNames.Count: > 0, RootDevices.Count: > 0 })
        {
            var named = node.Interfaces.Where(pf => nic.PfNameList.Any(n => PfName(n) == pf.Name)).Select(pf => pf.PciAddress);
            var rooted = node.Interfaces.Where(pf => nic.RootDeviceList.Any(d => SamePci(d, pf.PciAddress))).Select(pf => pf.PciAddress);
            if (!named.ToHashSet().SetEquals(rooted))
            {
                return SriovErrors.PfNamesRootDevicesMismatch(node.Node, nic.PfNameList, nic.RootDeviceList);
            }
        }
        var numVfs = policy.Spec.NumVfs ?? 0;
        var tooSmall = MatchedPfs(policy, node).FirstOrDefault(pf => numVfs > pf.Totalvfs);
        return tooSmall is null
            ? null
            : SriovErrors.NumVfsExceedsTotalVfs(policy.Name, node.Node, tooSmall.PciAddress, numVfs, tooSmall.Totalvfs);
    }

    /// The desired configuration per PF address: for each PF, the matching policy with the
    /// lowest priority number wins (ties broken by name, so the answer never depends on order).
    public static IReadOnlyDictionary<string, DesiredPfConfig> Plan(NodeInventory node, IEnumerable<SriovNetworkNodePolicy> policies)
    {
        var ordered = policies.OrderBy(p => p.EffectivePriority).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        var plan = new SortedDictionary<string, DesiredPfConfig>(StringComparer.Ordinal);
        foreach (var pf in node.Interfaces)
        {
            var winner = ordered.FirstOrDefault(p => SelectsNode(p, node.Labels) && SelectsPf(p, pf));
            if (winner is not null)
            {
                plan[pf.PciAddress] = Desired(winner, pf);
            }
        }
        return plan;
    }

    private static DesiredPfConfig Desired(SriovNetworkNodePolicy p, SriovInterface pf) => new(
        pf.PciAddress, pf.Name, pf.Vendor, pf.DeviceID, p.Spec.ResourceName!, p.Spec.NumVfs ?? 0, p.Spec.Mtu,
        p.Spec.DeviceType ?? DeviceTypes.Netdevice, p.Spec.IsRdma ?? false, p.Spec.LinkType ?? pf.LinkType,
        p.Name, p.EffectivePriority);

    // The operator lets pfNames partition a PF (`ens1f0#0-3`); the PF is the part before '#'.
    private static string PfName(string selector) => selector.Split('#')[0];

    private static bool SamePci(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
