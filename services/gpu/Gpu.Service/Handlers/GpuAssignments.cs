using Mesh.Contracts;
using Mesh.Contracts.Gpu;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Projections;
using Mesh.Hosting;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>
/// Cards for a pod: the request is first checked against the state as it stands (quota, then the node's decider or
/// the scheduler), so that a refusal records nothing; then the project's quota is reserved (GPU-6) and the node's
/// writer decides (given node) or re-checks the scheduler's placement (GPU-9); a placement that lost its cards to a
/// concurrent commit is scheduled again. A refusal after the reservation (a lost race) gives the quota back.
/// </summary>
public sealed class GpuAssignments(
    KeyedWriter<GpuNode, object, GpuNodeReply> nodes,
    KeyedWriter<GpuQuota, object, QuotaUsage> quotas,
    ClusterView view,
    GpuOptions options)
{
    public async Task<GpuAssignment> AssignAsync(AssignPodGpus request, EventMetadata metadata, CancellationToken ct = default)
    {
        var pod = PodTranslation.ToRequest(request.Pod);
        var strategy = PodTranslation.Strategy(request.Strategy, request.Pod);
        var demand = Demand(pod);
        var target = await TargetAsync(pod, request.Pod.Node, ct);
        var (preview, placement) = await PreviewAsync(pod, demand, target, strategy, ct);
        if (request.DryRun)
        {
            return preview;
        }
        var reserve = await quotas.SubmitAsync(pod.Project, new ReserveGpuQuota(pod.Project, pod.Uid, demand.Resource, demand.Count),
            metadata.For(nameof(ReserveGpuQuota)), ct);
        Throw(reserve.Decision);
        try
        {
            return target is null
                ? await ScheduleAsync(pod, strategy, placement!, metadata, ct)
                : await CommitAsync(new AssignGpus(target, pod, null, strategy), metadata, ct);
        }
        catch (MeshException) when (reserve.Decision.Events.Count > 0)
        {
            await quotas.SubmitAsync(pod.Project, new ReleaseGpuQuota(pod.Project, pod.Uid),
                metadata.For(nameof(ReleaseGpuQuota), "Compensation"), CancellationToken.None);
            throw;
        }
    }

    public async Task<GpuRelease> ReleaseAsync(string podUid, string? project, EventMetadata metadata, Func<string, bool> mayActOn,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(podUid))
        {
            throw new MeshException(GpuErrors.InvalidRequest("podUid", podUid, "the pod uid is required"));
        }
        var held = await view.AssignmentsOfAsync(podUid, ct);
        var projects = held.Select(h => h.Project).Append(project).OfType<string>().Where(p => p.Length > 0).Distinct().ToList();
        if (projects.FirstOrDefault(p => !mayActOn(p)) is { } other)
        {
            throw new MeshException(new MeshError(ErrorCodes.Forbidden, $"the caller may not release GPUs of project '{other}'",
                ErrorKind.Forbidden, "project", other));
        }
        var released = new List<GpuGrant>();
        foreach (var h in held)
        {
            var outcome = await nodes.SubmitAsync(h.Node, new ReleaseGpus(h.Node, podUid), metadata.For(nameof(ReleaseGpus)), ct);
            released.AddRange(outcome.Decision.Events.OfType<GpuDevicesReleased>().SelectMany(e => AssignmentTranslation.Grants(e.Devices)));
        }
        foreach (var p in projects)
        {
            await quotas.SubmitAsync(p, new ReleaseGpuQuota(p, podUid), metadata.For(nameof(ReleaseGpuQuota)), ct);
        }
        return new GpuRelease(podUid, held.FirstOrDefault()?.Node, released);
    }

    /// <summary>
    /// IPAM-11b: the node agent's live pods (the report IPAM reclaims addresses from): cards of pods missing from enough
    /// reports past the grace period go back with their quota. A report without a pod source proves nothing (IPAM-11a).
    /// </summary>
    public async Task<Mesh.Contracts.Leaks.NodeReclaim> ReportNodePodsAsync(Mesh.Contracts.Ipam.ReportLivePods report,
        Mesh.Contracts.Leaks.LeakPolicy policy, EventMetadata metadata, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(report.Node) || !report.PodsKnown)
        {
            return new(report.Node ?? "", []);
        }
        var observed = report.ObservedAt == default ? DateTimeOffset.UtcNow : report.ObservedAt;
        var live = (report.PodUids ?? []).ToHashSet(StringComparer.Ordinal);
        return await ReclaimAsync(report.Node, new ReportNodePods(report.Node, live, observed, true, policy), metadata, ct);
    }

    /// <summary>NODE-1: a removed node's cards go back with their quota, and the node leaves scheduling.</summary>
    public Task<Mesh.Contracts.Leaks.NodeReclaim> RemoveNodeAsync(string node, EventMetadata metadata, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(node) ? Task.FromResult(new Mesh.Contracts.Leaks.NodeReclaim(node ?? "", []))
            : ReclaimAsync(node, new RemoveGpuNode(node), metadata with { Reason = GpuNodeDecider.NodeRemoved }, ct);

    /// <summary>IPAM-11a: an operator's confirmation: every due pod's cards on the node go back now, whatever their share.</summary>
    public Task<Mesh.Contracts.Leaks.NodeReclaim> ConfirmReclaimAsync(string node, Mesh.Contracts.Leaks.LeakPolicy policy, EventMetadata metadata,
        CancellationToken ct) =>
        ReclaimAsync(node, new ConfirmNodeReclaim(node, DateTimeOffset.UtcNow, policy), metadata, ct);

    private async Task<Mesh.Contracts.Leaks.NodeReclaim> ReclaimAsync(string node, object command, EventMetadata metadata, CancellationToken ct)
    {
        var outcome = await nodes.SubmitAsync(node, command, metadata.For(command.GetType().Name), ct);
        var released = outcome.Decision.Events.OfType<GpuDevicesReleased>().ToList();
        foreach (var r in released.Where(r => r.Project is { Length: > 0 }))
        {
            await quotas.SubmitAsync(r.Project!, new ReleaseGpuQuota(r.Project!, r.PodUid),
                metadata.For(nameof(ReleaseGpuQuota), GpuNodeDecider.LeakReclaimed), ct);
        }
        return new(node, released.Select(r => r.PodUid).ToList());
    }

    private static GpuDemand Demand(GpuPodRequest pod)
    {
        var demand = GpuDemand.From(pod, out var error) ?? throw new MeshException(error!);
        if (DnsName.Check(pod.Project, "project") is not null)
        {
            throw new MeshException(GpuErrors.InvalidRequest("project", pod.Project,
                "the pod's project is required, a DNS-1123 label like the GpuQuota it is counted against (GPU quota is per project)"));
        }
        return demand;
    }

    // A pod holds cards on one node at most: a repeat goes to that node's writer, which answers it idempotently.
    private async Task<string?> TargetAsync(GpuPodRequest pod, string? node, CancellationToken ct)
    {
        if (node is { Length: 0 })
        {
            throw new MeshException(GpuErrors.InvalidRequest("node", node, "omit the node to let the service choose one"));
        }
        var held = (await view.AssignmentsOfAsync(pod.Uid, ct)).FirstOrDefault();
        if (held is not null && node is not null && held.Node != node)
        {
            throw new MeshException(GpuErrors.PodAlreadyAssigned(pod.Uid, held.Node));
        }
        return held?.Node ?? node;
    }

    // The first attempt commits the preview's placement; each lost race schedules again on the newer view.
    private async Task<GpuAssignment> ScheduleAsync(GpuPodRequest pod, PackStrategy strategy, GpuPlacement first, EventMetadata metadata,
        CancellationToken ct)
    {
        MeshError? conflict = null;
        for (var attempt = 0; attempt < options.MaxScheduleAttempts; attempt++)
        {
            var placement = attempt == 0 ? first : await PlaceAsync(pod, strategy, ct);
            var outcome = await nodes.SubmitAsync(placement.Node, placement.ToCommand(pod) with { Strategy = strategy },
                metadata.For(nameof(AssignGpus)), ct);
            if (outcome.Decision.Error is not { Code: GpuErrors.PlacementConflictCode } error)
            {
                return Assigned(outcome);
            }
            conflict = error;
        }
        throw new MeshException(conflict!);
    }

    private async Task<GpuAssignment> CommitAsync(AssignGpus command, EventMetadata metadata, CancellationToken ct) =>
        Assigned(await nodes.SubmitAsync(command.Node, command, metadata.For(nameof(AssignGpus)), ct));

    // What the request would get now (a dry run's answer), and the scheduler's placement when no node is given. The
    // deciders are pure: run on the current state, they change nothing.
    private async Task<(GpuAssignment Preview, GpuPlacement? Placement)> PreviewAsync(GpuPodRequest pod, GpuDemand demand, string? target,
        PackStrategy strategy, CancellationToken ct)
    {
        Throw(await quotas.QueryAsync(pod.Project,
            q => GpuQuotaDecider.Reserve(q, new ReserveGpuQuota(pod.Project, pod.Uid, demand.Resource, demand.Count)), ct));
        if (target is not null)
        {
            var (decision, held) = await nodes.QueryAsync(target, n =>
                (GpuNodeDecider.Assign(n, new AssignGpus(target, pod, null, strategy)), n.Assignments.GetValueOrDefault(pod.Uid)), ct);
            Throw(decision);
            var would = decision.Events.OfType<GpuDevicesAssigned>().FirstOrDefault() ?? held!;
            return (AssignmentTranslation.ToContract(would, dryRun: true, alreadyAssigned: held is not null), null);
        }
        var placement = await PlaceAsync(pod, strategy, ct);
        return (AssignmentTranslation.ToContract(placement, pod, demand.Resource, dryRun: true), placement);
    }

    private async Task<GpuPlacement> PlaceAsync(GpuPodRequest pod, PackStrategy strategy, CancellationToken ct)
    {
        var result = GpuScheduler.Schedule(pod, await view.NodesAsync(ct: ct), strategy);
        return result.Placement ?? throw new MeshException(result.Error!);
    }

    private static GpuAssignment Assigned(WriteOutcome<GpuNodeReply> outcome)
    {
        Throw(outcome.Decision);
        return AssignmentTranslation.ToContract(outcome.Result.Assignment!, alreadyAssigned: outcome.Decision.Events.Count == 0);
    }

    private static void Throw(Decision decision)
    {
        if (decision.Error is { } error)
        {
            throw new MeshException(error);
        }
    }
}
