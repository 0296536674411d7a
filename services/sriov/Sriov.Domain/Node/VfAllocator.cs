using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

/// SRIOV-8..10: gives a pod one VF per requested `ecnf.io/<resourceName>` unit from the node's
/// PFs configured for that resource, never one that another pod holds, never on a PF being
/// reconfigured (SRIOV-5). Idempotent on the pod uid.
public static class VfAllocator
{
    public const string Runc = "runc";
    public const string Rune = "rune";

    public static Decision Decide(SriovNode node, AllocateVfs command, SriovConfig config, SriovSettings settings)
    {
        var prefix = settings.ResourcePrefix + "/";
        var requests = command.Requests
            .Where(r => r.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(r => r.Key[prefix.Length..], r => r.Value);
        if (node.Allocations.TryGetValue(command.PodUid, out var held))
        {
            var same = held.Vfs.GroupBy(v => v.ResourceName).ToDictionary(g => g.Key, g => g.Count());
            return same.Count == requests.Count && same.All(kv => requests.GetValueOrDefault(kv.Key) == kv.Value)
                ? Decision.Nothing
                : Decision.Reject(SriovErrors.PodAlreadyHasVfs(command.PodUid));
        }
        if (requests.FirstOrDefault(r => r.Value < 1) is { Key: not null } bad)
        {
            return Decision.Reject(SriovErrors.Invalid($"spec.containers[].resources.requests[{prefix}{bad.Key}]", bad.Value.ToString(), "must be at least 1"));
        }
        var entries = PodNetworks.Parse(command.Annotations.GetValueOrDefault(PodNetworks.Annotation), command.Namespace);
        var attachments = entries
            .Select((e, i) => (Ref: e.Network, Interface: e.Interface ?? $"net{i + 1}", Network: config.Attachment(e.Network.Namespace, e.Network.Name)))
            .ToList();
        var ours = attachments.Where(a => a.Network is not null).Select(a => (a.Ref, a.Interface, Network: a.Network!)).ToList();
        if (requests.Count == 0 && ours.Count == 0)
        {
            return Decision.Nothing;
        }
        if (ours.Count == 0 && attachments.Count > 0)
        {
            return Decision.Reject(SriovErrors.NetworkNotFound(attachments[0].Ref.Namespace, attachments[0].Ref.Name));
        }
        foreach (var (reference, _, network) in ours)
        {
            if (command.Namespace != network.TargetNamespace)
            {
                return Decision.Reject(SriovErrors.NetworkNamespaceMismatch(command.Namespace, reference.ToString(), network.TargetNamespace));
            }
            var resource = network.Spec.ResourceName!;
            if (!requests.ContainsKey(resource))
            {
                var asked = requests.Keys.Select(settings.Qualified).FirstOrDefault();
                return Decision.Reject(SriovErrors.ResourceNameMismatch(reference.ToString(), settings.Qualified(resource), asked));
            }
            var needed = ours.Count(o => o.Network.Spec.ResourceName == resource);
            if (needed > requests[resource])
            {
                return Decision.Reject(SriovErrors.Invalid($"spec.containers[].resources.requests[{settings.Qualified(resource)}]",
                    requests[resource].ToString(), $"is fewer than the {needed} networks that need it"));
            }
        }
        var runtime = string.IsNullOrEmpty(command.RuntimeClassName) ? Runc : command.RuntimeClassName;
        if (runtime is not (Runc or Rune))
        {
            return Decision.Reject(SriovErrors.UnsupportedRuntime(runtime));
        }
        var kata = command.Annotations.GetValueOrDefault(PodNetworks.KataSriovAnnotation);
        if (runtime == Rune && kata != "true")
        {
            return Decision.Reject(SriovErrors.KataSriovAnnotationRequired(kata));
        }
        var picked = new List<AllocatedVf>();
        foreach (var (resource, count) in requests.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var (vfs, error) = Pick(node, resource, count, runtime, settings);
            if (error is not null)
            {
                return Decision.Reject(error);
            }
            picked.AddRange(vfs);
        }
        return Decision.Accept(new VfsAllocated(node.Name, command.PodUid, command.Namespace, command.Name, runtime, Attach(picked, ours), command.Project));
    }

    public static Decision Decide(SriovNode node, ReleaseVfs command) =>
        node.Allocations.TryGetValue(command.PodUid, out var held)
            ? Decision.Accept(new VfsReleased(node.Name, held.PodUid, held.Namespace, held.Name, held.Vfs, command.Reason))
            : Decision.Nothing;

    private static (List<AllocatedVf> Vfs, MeshError? Error) Pick(SriovNode node, string resource, int count, string runtime, SriovSettings settings)
    {
        var qualified = settings.Qualified(resource);
        var candidates = node.Desired.Values.Where(d => d.ResourceName == resource).OrderBy(d => d.PciAddress, StringComparer.Ordinal).ToList();
        var usable = candidates.Where(d => RuntimeMismatch(runtime, d) is null).ToList();
        if (candidates.Count > 0 && usable.Count == 0)
        {
            var (reason, remedy) = RuntimeMismatch(runtime, candidates[0])!.Value;
            return ([], SriovErrors.RuntimeDeviceMismatch(runtime, qualified, $"{reason} on node {node.Name}", remedy));
        }
        var reconfiguring = usable.Where(d => node.PendingPfs.Contains(d.PciAddress)).Sum(d => d.NumVfs);
        var free = usable
            .Where(d => !node.PendingPfs.Contains(d.PciAddress))
            .SelectMany(d => Reported(node, d).Select(vf => (Pf: d, Vf: vf)))
            .Where(x => !node.VfHolders.ContainsKey(x.Vf.PciAddress))
            .ToList();
        if (free.Count < count)
        {
            return ([], SriovErrors.Insufficient(qualified, node.Name, count, free.Count, reconfiguring));
        }
        return (free.Take(count)
            .Select(x => new AllocatedVf(resource, x.Pf.PciAddress, x.Pf.PfName, x.Vf.PciAddress, x.Vf.VfID, x.Pf.DeviceType))
            .ToList(), null);
    }

    // The VFs the agent reports on the PF, within what the desired configuration creates.
    private static IEnumerable<SriovVf> Reported(SriovNode node, DesiredPfConfig pf) =>
        node.Interfaces.FirstOrDefault(i => i.PciAddress == pf.PciAddress)?.VfList
            .Where(vf => vf.VfID < pf.NumVfs)
            .OrderBy(vf => vf.VfID) ?? Enumerable.Empty<SriovVf>();

    private static (string Reason, string Remedy)? RuntimeMismatch(string runtime, DesiredPfConfig pf)
    {
        if (runtime == Rune && pf.DeviceType != DeviceTypes.VfioPci)
        {
            return ($"the secure runtime (Kata) needs vfio-pci VFs but PF {pf.PciAddress} (policy {pf.Policy}) has deviceType {pf.DeviceType}",
                "set deviceType: vfio-pci in the SriovNetworkNodePolicy for rune pods, or run the pod with runc");
        }
        if (runtime == Runc && pf.DeviceType != DeviceTypes.Netdevice)
        {
            return ($"runc needs netdevice VFs but PF {pf.PciAddress} (policy {pf.Policy}) has deviceType {pf.DeviceType}",
                "set deviceType: netdevice in the SriovNetworkNodePolicy for runc pods, or use runtimeClassName: rune");
        }
        if (runtime == Runc && pf.LinkType == DeviceTypes.LinkIb && !pf.IsRdma)
        {
            return ($"runc on InfiniBand (linkType IB) needs isRdma: true but PF {pf.PciAddress} (policy {pf.Policy}) has isRdma false",
                "set isRdma: true in the SriovNetworkNodePolicy");
        }
        return null;
    }

    private static List<AllocatedVf> Attach(List<AllocatedVf> vfs, List<(NetworkRef Ref, string Interface, SriovNetworkResource Network)> networks)
    {
        var result = new List<AllocatedVf>(vfs);
        foreach (var (reference, iface, network) in networks)
        {
            var i = result.FindIndex(v => v.Network is null && v.ResourceName == network.Spec.ResourceName);
            result[i] = result[i] with { Network = reference, Interface = iface, Ipam = network.Spec.Ipam };
        }
        return result;
    }
}
