using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Leaks;
using Mesh.Contracts.Sriov;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Projections;
using Mesh.Sriov.Service.Publishing;
using Mesh.Sriov.Service.Streams;

namespace Mesh.Sriov.Service.Handlers;

/// SRIOV-8..10: a pod's VFs from its node's single writer, then one address per VF from the IPAM
/// service; when IPAM refuses, the VFs (and addresses already given) go back and the reason is answered.
public sealed class VfAllocationHandler(
    KeyedWriter<NodeState, object, object?> nodes,
    ConfigHandler config,
    SriovIndex index,
    IRequestClient<AllocateIp> ipam,
    IPublishEndpoint publish,
    SriovOptions options,
    ILogger<VfAllocationHandler> logger)
{
    public async Task<(PodVfAllocation? Allocation, MeshError? Error)> AllocateAsync(AllocatePodVfs pod, EventMetadata meta, CancellationToken ct)
    {
        if (Check(pod) is { } invalid)
        {
            return (null, invalid);
        }
        var snapshot = await config.SnapshotAsync(ct);
        // A JSON null for annotations or requests means none.
        var command = new AllocateVfs(pod.Node, pod.PodUid, pod.PodNamespace, pod.PodName, pod.RuntimeClassName,
            pod.Annotations ?? new Dictionary<string, string>(), pod.Requests ?? new Dictionary<string, int>(), pod.Project);
        var outcome = await nodes.SubmitAsync(pod.Node, new AllocateWithConfig(command, snapshot.ToConfig()), meta.For(nameof(AllocateVfs)), ct);
        if (outcome.Decision.Error is { } refused)
        {
            return (null, refused);
        }
        if (outcome.Result is not VfAllocation held)
        {
            return (new PodVfAllocation(pod.Node, pod.PodUid, pod.PodNamespace, pod.PodName, pod.RuntimeClassName ?? VfAllocator.Runc, []), null);
        }
        var macs = await nodes.QueryAsync(pod.Node, s => s.Node.Interfaces.SelectMany(i => i.VfList)
            .Where(v => v.Mac is not null).ToDictionary(v => v.PciAddress, v => v.Mac!), ct);
        var addresses = new List<VfAddress>();
        foreach (var vf in held.Vfs)
        {
            var (address, error) = await AddressAsync(pod, vf, snapshot, macs.GetValueOrDefault(vf.VfPciAddress), ct);
            if (error is not null)
            {
                await CompensateAsync(pod, held, meta, ct);
                return (null, error);
            }
            addresses.Add(address!);
        }
        var recorded = await nodes.SubmitAsync(pod.Node, new RecordVfAddresses(pod.PodUid, addresses), meta.For(nameof(RecordVfAddresses)), ct);
        if (recorded.Decision.Error is { } lost)
        {
            return (null, lost);
        }
        var ready = (PodVfsReady)recorded.Result!;
        return (new PodVfAllocation(ready.Node, ready.PodUid, ready.PodNamespace, ready.PodName, ready.Runtime, PodVfs.Of(ready.Vfs, ready.Addresses)), null);
    }

    public async Task<(PodVfRelease Released, string? Project)> ReleaseAsync(string podUid, string reason, EventMetadata meta, CancellationToken ct)
    {
        if (await index.PodAsync(podUid, ct) is not { } where)
        {
            return (new PodVfRelease(podUid, null, []), null);
        }
        var outcome = await nodes.SubmitAsync(where.Node, new ReleaseVfs(where.Node, podUid, reason), meta.For(nameof(ReleaseVfs)), ct);
        if (outcome.Result is not PodVfsReleased released)
        {
            return (new PodVfRelease(podUid, where.Node, []), where.Project);
        }
        await ReleaseAddressesAsync(where.Project, podUid, released.Vfs, reason, ct);
        return (new PodVfRelease(podUid, where.Node, PodVfs.Of(released.Vfs, released.Addresses)), where.Project);
    }

    /// <summary>
    /// IPAM-11b: the node agent's live pods, the report IPAM reclaims addresses from: VFs of pods missing from
    /// enough reports past the grace period go back (their addresses IPAM reclaims from the same report). A
    /// report without a pod source proves nothing (IPAM-11a).
    /// </summary>
    public async Task<IReadOnlyList<PodVfsReleased>> ReportNodePodsAsync(ReportLivePods report, LeakPolicy policy, EventMetadata meta, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(report.Node) || !report.PodsKnown)
        {
            return [];
        }
        var observed = report.ObservedAt == default ? DateTimeOffset.UtcNow : report.ObservedAt;
        var live = (report.PodUids ?? []).ToHashSet(StringComparer.Ordinal);
        var outcome = await nodes.SubmitAsync(report.Node, new ReportNodePods(live, observed, true, policy), meta.For(nameof(ReportLivePods)), ct);
        return outcome.Result as IReadOnlyList<PodVfsReleased> ?? [];
    }

    /// <summary>IPAM-11a: an operator's confirmation: every due pod's VFs on the node go back now, whatever their share.</summary>
    public async Task<IReadOnlyList<PodVfsReleased>> ConfirmReclaimAsync(string node, LeakPolicy policy, EventMetadata meta, CancellationToken ct)
    {
        var outcome = await nodes.SubmitAsync(node, new ConfirmNodeReclaim(DateTimeOffset.UtcNow, policy), meta.For("ConfirmLeakReclaim"), ct);
        return outcome.Result as IReadOnlyList<PodVfsReleased> ?? [];
    }

    /// <summary>NODE-1: a removed node's VFs go back (their addresses IPAM releases from the same event).</summary>
    public async Task<IReadOnlyList<PodVfsReleased>> RemoveNodeAsync(string node, EventMetadata meta, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(node))
        {
            return [];
        }
        var outcome = await nodes.SubmitAsync(node, new RemoveNodeVfs(DateTimeOffset.UtcNow), meta.For(nameof(Mesh.Contracts.Nodes.NodeRemoved), ReleaseReason.NodeRemoved), ct);
        return outcome.Result as IReadOnlyList<PodVfsReleased> ?? [];
    }

    /// The node and project holding a pod's VFs, for the caller's tenancy check (COMMON-5).
    public Task<(string Node, string Project)?> HolderAsync(string podUid, CancellationToken ct) => index.PodAsync(podUid, ct);

    private static MeshError? Check(AllocatePodVfs pod) =>
        DnsName.Check(pod.PodNamespace, "metadata.namespace")
        ?? (string.IsNullOrWhiteSpace(pod.PodUid) ? SriovErrors.Missing("metadata.uid") : null)
        ?? (string.IsNullOrWhiteSpace(pod.PodName) ? SriovErrors.Missing("metadata.name") : null)
        ?? (string.IsNullOrWhiteSpace(pod.Node) ? SriovErrors.Missing("spec.nodeName", "the pod must be scheduled to a node") : null)
        ?? (string.IsNullOrWhiteSpace(pod.Project) ? SriovErrors.Missing("project") : null);

    private async Task<(VfAddress? Address, MeshError? Error)> AddressAsync(
        AllocatePodVfs pod, AllocatedVf vf, ConfigSnapshot snapshot, string? vfMac, CancellationToken ct)
    {
        var network = vf.Network is { } r ? snapshot.ToConfig().Attachment(r.Namespace, r.Name) : null;
        if (network is null || vf.IpamRange is null || vf.Interface is null)
        {
            return (new VfAddress(vf.VfPciAddress, null, null, null, vfMac), null);
        }
        var request = new AllocateIp
        {
            Project = pod.Project,
            PodUid = pod.PodUid,
            PodNamespace = pod.PodNamespace,
            PodName = pod.PodName,
            Node = pod.Node,
            Interface = vf.Interface,
            Subnet = NetworkPools.PoolOf(network),
            Provider = NetworkPools.ProviderOf(network),
            MacAddress = vfMac,
        };
        try
        {
            var response = await ipam.GetResponse<IpAllocation, Rejected>(request, ct, RequestTimeout.After(s: options.IpamTimeoutSeconds));
            if (!response.Is(out Response<IpAllocation>? granted))
            {
                return (null, response.Is(out Response<Rejected>? rejected) ? rejected.Message.ToError() : new MeshError("IpamUnavailable", "no answer"));
            }
            var ip = granted.Message;
            return (new VfAddress(vf.VfPciAddress, ip.IpAddress, ip.CidrBlock, ip.Gateway, vfMac ?? ip.MacAddress), null);
        }
        catch (Exception e) when (e is RequestTimeoutException or RequestFaultException)
        {
            logger.LogWarning(e, "pod {Pod}: no address from the IPAM service for {Interface}", pod.PodUid, vf.Interface);
            return (null, new MeshError("IpamUnavailable", $"the IPAM service gave no address for VF {vf.VfPciAddress} ({vf.Interface}): {e.Message}",
                ErrorKind.Conflict, "spec.containers[].resources.requests", null, "retry; the VFs were released again"));
        }
    }

    private async Task CompensateAsync(AllocatePodVfs pod, VfAllocation held, EventMetadata meta, CancellationToken ct)
    {
        logger.LogInformation("pod {Pod}: releasing its VFs again, the IPAM service refused an address", pod.PodUid);
        await nodes.SubmitAsync(pod.Node, new ReleaseVfs(pod.Node, pod.PodUid, "Compensation"), meta.For(nameof(ReleaseVfs), "Compensation"), ct);
        await ReleaseAddressesAsync(pod.Project, pod.PodUid, held.Vfs, "Compensation", ct);
    }

    // Published, not requested: the broker keeps the release until the IPAM service takes it.
    private async Task ReleaseAddressesAsync(string project, string podUid, IEnumerable<AllocatedVf> vfs, string reason, CancellationToken ct)
    {
        foreach (var vf in vfs.Where(v => v.IpamRange is not null && v.Interface is not null))
        {
            await publish.Publish(new ReleaseIp { Project = project, PodUid = podUid, Interface = vf.Interface, Reason = reason }, ct);
        }
    }
}
