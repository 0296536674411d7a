namespace Mesh.Gpu.Domain;

/// <summary>The filter both the scheduler and the per-node decider run: taints, then affinity, then capacity.</summary>
public static class GpuFit
{
    private static readonly string[] ArchLabels = ["kubernetes.io/arch", "beta.kubernetes.io/arch"];

    public static NodeFit Evaluate(GpuNode node, GpuDemand demand, PackStrategy strategy)
    {
        if (UntoleratedTaint(node, demand.Pod) is { } taint)
        {
            return new NodeFit(node.Name, [], [UnschedulableMessage.UntoleratedTaint(taint)], 0, 0);
        }
        if (!ArchSupported(node) || !MatchesSelector(node, demand.Pod))
        {
            return new NodeFit(node.Name, [], [UnschedulableMessage.NodeAffinityMismatch], 0, 0);
        }
        var (devices, reasons) = Pick(node, demand, strategy);
        return reasons.Count > 0
            ? new NodeFit(node.Name, [], reasons, 0, 0)
            : new NodeFit(node.Name, devices, [], Load(node, demand.Vendor), node.Assignments.Count);
    }

    /// <summary>GPU-8: the first NoSchedule/NoExecute taint the pod does not tolerate.</summary>
    public static Taint? UntoleratedTaint(GpuNode node, GpuPodRequest pod)
    {
        foreach (var taint in node.Taints)
        {
            if (taint.Filters && !(pod.Tolerations ?? []).Any(x => x.Tolerates(taint)))
            {
                return taint;
            }
        }
        return null;
    }

    /// <summary>GPU-5: only amd64 nodes give GPUs to containers.</summary>
    public static bool ArchSupported(GpuNode node) => node.Arch == GpuResources.GpuArch;

    public static bool MatchesSelector(GpuNode node, GpuPodRequest pod) =>
        pod.NodeSelector is not { Count: > 0 } selector || selector.All(kv =>
            node.Labels.TryGetValue(kv.Key, out var value)
                ? value == kv.Value
                : ArchLabels.Contains(kv.Key) && node.Arch == kv.Value);

    /// <summary>Why one card cannot take the demand, as kube resource names; empty when it can.</summary>
    public static IReadOnlyList<string> CardRefusal(GpuNode node, GpuDevice device, GpuDemand demand)
    {
        var usage = node.UsageOf(device.Index);
        if (!device.Healthy || device.Vendor != demand.Vendor || usage.ExclusivePod is not null || (demand.Exclusive && !usage.IsFree))
        {
            return [demand.Resource];
        }
        // GPU-12a: a whole-card sharer counts as the whole card against slices, and slices leave no whole card to share.
        var whole = !demand.Exclusive && demand.MemoryMiB == 0 && demand.Cores == 0;
        if (whole && usage.SlicedPods > 0)
        {
            return [demand.Resource];
        }
        if (!demand.Exclusive && !whole && usage.WholeSharers > 0)
        {
            return demand.MemoryMiB > 0 ? [GpuResources.GpuMem] : [GpuResources.GpuCores];
        }
        var refusals = new List<string>(2);
        var memory = demand.Exclusive ? demand.MemoryMiB : usage.MemoryMiB + demand.MemoryMiB;
        if (memory > device.MemoryMiB)
        {
            refusals.Add(GpuResources.GpuMem);
        }
        if (!demand.Exclusive && usage.Cores + demand.Cores > 100)
        {
            refusals.Add(GpuResources.GpuCores);
        }
        return refusals;
    }

    /// <summary>What the demand reserves on a card it takes.</summary>
    public static AssignedDevice Reserve(GpuDevice device, GpuDemand demand) => demand.Exclusive
        ? new AssignedDevice(device.Index, device.Uuid, device.MemoryMiB, 100)
        : new AssignedDevice(device.Index, device.Uuid, demand.MemoryMiB, demand.Cores);

    /// <summary>Share of the healthy cards' memory of this vendor already reserved (exclusive cards count whole).</summary>
    public static double Load(GpuNode node, GpuVendor vendor)
    {
        long total = 0, used = 0;
        foreach (var d in node.Devices.Where(d => d.Healthy && d.Vendor == vendor))
        {
            total += d.MemoryMiB;
            var usage = node.UsageOf(d.Index);
            used += usage.WholeSharers > 0 ? d.MemoryMiB : Math.Min(d.MemoryMiB, usage.MemoryMiB);
        }
        return total == 0 ? 0 : (double)used / total;
    }

    private static (IReadOnlyList<AssignedDevice>, IReadOnlyList<string>) Pick(GpuNode node, GpuDemand demand, PackStrategy strategy)
    {
        var candidates = demand.Pinned is { } pinned
            ? pinned.Select(node.Device).OfType<GpuDevice>().ToList()
            : node.Devices;
        var fitting = new List<GpuDevice>(candidates.Count);
        var refusals = new List<IReadOnlyList<string>>();
        foreach (var device in candidates)
        {
            var why = CardRefusal(node, device, demand);
            if (why.Count == 0)
            {
                fitting.Add(device);
            }
            else
            {
                refusals.Add(why);
            }
        }
        var available = demand.Pinned is null || demand.Pinned.Count == candidates.Count;
        if (fitting.Count >= demand.Count && available)
        {
            var ordered = strategy == PackStrategy.BinPack
                ? fitting.OrderByDescending(d => CardLoad(node, d)).ThenByDescending(d => node.UsageOf(d.Index).SharedPods)
                : fitting.OrderBy(d => CardLoad(node, d)).ThenBy(d => node.UsageOf(d.Index).SharedPods);
            var chosen = ordered.ThenBy(d => d.Index).Take(demand.Count).OrderBy(d => d.Index);
            return (chosen.Select(d => Reserve(d, demand)).ToList(), []);
        }
        var notHeld = fitting.Count + refusals.Count(r => !r.Contains(demand.Resource));
        IReadOnlyList<string> reasons = !available || notHeld < demand.Count
            ? [GpuResources.Insufficient(demand.Resource)]
            : refusals.SelectMany(r => r).Distinct().Order(StringComparer.Ordinal).Select(GpuResources.Insufficient).ToList();
        return ([], reasons);
    }

    private static double CardLoad(GpuNode node, GpuDevice device)
    {
        var usage = node.UsageOf(device.Index);
        return Math.Max((double)usage.MemoryMiB / Math.Max(1, device.MemoryMiB), usage.Cores / 100.0);
    }
}
