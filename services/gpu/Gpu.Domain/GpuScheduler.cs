namespace Mesh.Gpu.Domain;

/// <summary>
/// GPU-9: filter every node, then score the ones that fit. Pure: a dry-run is this call with nothing applied;
/// a real run sends <see cref="GpuPlacement.ToCommand"/> to the node's actor, whose decider re-checks it.
/// </summary>
public static class GpuScheduler
{
    public static ScheduleResult Schedule(GpuPodRequest pod, IEnumerable<GpuNode> nodes, PackStrategy strategy = PackStrategy.BinPack)
    {
        var demand = GpuDemand.From(pod, out var error);
        if (demand is null)
        {
            return new ScheduleResult(null, error);
        }
        var registered = nodes.Where(n => n.Registered).ToList();
        foreach (var candidate in registered)
        {
            if (candidate.Assignments.TryGetValue(pod.Uid, out var held))
            {
                return new ScheduleResult(GpuPlacement.Of(held, alreadyAssigned: true), null);
            }
        }
        var fits = registered.Select(n => GpuFit.Evaluate(n, demand, strategy)).ToList();
        var fitting = fits.Where(f => f.Fits);
        var best = (strategy == PackStrategy.BinPack
                ? fitting.OrderByDescending(f => f.Load).ThenByDescending(f => f.Pods)
                : fitting.OrderBy(f => f.Load).ThenBy(f => f.Pods))
            .ThenBy(f => f.Node, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is null)
        {
            return new ScheduleResult(null, GpuErrors.Unschedulable(demand.Resource, registered.Count, fits.SelectMany(f => f.Reasons).ToList()));
        }
        var node = registered.First(n => n.Name == best.Node);
        return new ScheduleResult(GpuPlacement.Of(GpuNodeDecider.Assigned(node, demand, best.Devices), alreadyAssigned: false), null);
    }
}
