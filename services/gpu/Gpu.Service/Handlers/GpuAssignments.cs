using Mesh.Contracts;
using Mesh.Contracts.Gpu;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Projections;
using Mesh.Hosting;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>
/// Cards for a pod: the project's quota is reserved first (GPU-6), then the node's writer decides (given node) or
/// the scheduler places the pod on the committed cluster view and the chosen node's writer re-checks the placement
/// (GPU-9); a placement that lost its cards to a concurrent commit is scheduled again. A refusal gives the quota back.
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
        if (request.DryRun)
        {
            return await DryRunAsync(pod, demand, target, strategy, ct);
        }
        var reserve = await quotas.SubmitAsync(pod.Project, new ReserveGpuQuota(pod.Project, pod.Uid, demand.Resource, demand.Count),
            metadata.For(nameof(ReserveGpuQuota)), ct);
        Throw(reserve.Decision);
        try
        {
            return target is null
                ? await ScheduleAsync(pod, strategy, metadata, ct)
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

    private static GpuDemand Demand(GpuPodRequest pod)
    {
        var demand = GpuDemand.From(pod, out var error) ?? throw new MeshException(error!);
        if (string.IsNullOrWhiteSpace(pod.Project))
        {
            throw new MeshException(GpuErrors.InvalidRequest("project", pod.Project, "the pod's project is required (GPU quota is per project)"));
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

    private async Task<GpuAssignment> ScheduleAsync(GpuPodRequest pod, PackStrategy strategy, EventMetadata metadata, CancellationToken ct)
    {
        MeshError? conflict = null;
        for (var attempt = 0; attempt < options.MaxScheduleAttempts; attempt++)
        {
            var result = GpuScheduler.Schedule(pod, await view.NodesAsync(ct: ct), strategy);
            var placement = result.Placement ?? throw new MeshException(result.Error!);
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

    private async Task<GpuAssignment> DryRunAsync(GpuPodRequest pod, GpuDemand demand, string? target, PackStrategy strategy,
        CancellationToken ct)
    {
        Throw(await quotas.QueryAsync(pod.Project,
            q => GpuQuotaDecider.Reserve(q, new ReserveGpuQuota(pod.Project, pod.Uid, demand.Resource, demand.Count)), ct));
        if (target is not null)
        {
            // The decider is pure: run on the node's current state, it changes nothing.
            var (decision, held) = await nodes.QueryAsync(target, n =>
                (GpuNodeDecider.Assign(n, new AssignGpus(target, pod, null, strategy)), n.Assignments.GetValueOrDefault(pod.Uid)), ct);
            Throw(decision);
            var would = decision.Events.OfType<GpuDevicesAssigned>().FirstOrDefault() ?? held!;
            return AssignmentTranslation.ToContract(would, dryRun: true, alreadyAssigned: held is not null);
        }
        var result = GpuScheduler.Schedule(pod, await view.NodesAsync(ct: ct), strategy);
        var placement = result.Placement ?? throw new MeshException(result.Error!);
        return AssignmentTranslation.ToContract(placement, pod, demand.Resource, dryRun: true);
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
