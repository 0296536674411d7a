using Mesh.Contracts;

namespace Mesh.Gpu.Domain;

/// <summary>The pure decider of stream <c>gpu-node-&lt;name&gt;</c>: (state, command) -> events or a refusal.</summary>
public static class GpuNodeDecider
{
    public static Decision Decide(GpuNode node, object command) => command switch
    {
        RegisterGpuNode c => Register(node, c),
        ReportDeviceHealth c => ReportHealth(node, c),
        AssignGpus c => Assign(node, c),
        ReleaseGpus c => Release(node, c),
        RemoveGpuNode => Remove(node),
        ReportNodePods c => Decision.AcceptAny(node.Leaks.Report(node.Name, node.Assignments.Keys.ToList(), c.Live, c.Now, c.PodsKnown, c.Policy,
            uid => Reclaimed(node, uid))),
        ConfirmNodeReclaim c => Decision.AcceptAny(node.Leaks.Reclaim(node.Name, node.Assignments.Count, c.Now, c.Policy, confirmed: true,
            uid => Reclaimed(node, uid))),
        _ => GpuErrors.InvalidRequest("command", command.GetType().Name, "not a gpu node command"),
    };

    public static Decision Register(GpuNode node, RegisterGpuNode command)
    {
        var cmd = InventoryCheck.Normalise(command, out var error);
        if (cmd is null)
        {
            return error!;
        }
        if (!node.Registered)
        {
            return Decision.Accept(new GpuNodeRegistered(cmd.Node, cmd.Arch, cmd.Labels, cmd.Taints, cmd.Devices));
        }
        return InventoryCheck.SameAs(node, cmd)
            ? Decision.Nothing
            : Decision.Accept(new GpuNodeInventoryReported(cmd.Node, cmd.Arch, cmd.Labels, cmd.Taints, cmd.Devices,
                InventoryCheck.Affected(node, cmd.Devices)));
    }

    public static Decision ReportHealth(GpuNode node, ReportDeviceHealth cmd)
    {
        if (!node.Registered)
        {
            return GpuErrors.NodeNotFound(cmd.Node);
        }
        if (node.Device(cmd.Index) is not { } device)
        {
            return GpuErrors.DeviceNotFound(node.Name, cmd.Index);
        }
        if (device.Healthy == cmd.Healthy)
        {
            return Decision.Nothing;
        }
        IReadOnlyList<string> affected = cmd.Healthy ? [] : node.PodsOn(cmd.Index);
        return Decision.Accept(new GpuDeviceHealthChanged(node.Name, device.Index, device.Uuid, cmd.Healthy, cmd.Reason, affected));
    }

    public static Decision Release(GpuNode node, ReleaseGpus cmd) =>
        node.Assignments.TryGetValue(cmd.PodUid, out var held)
            ? Decision.Accept(new GpuDevicesReleased(node.Name, cmd.PodUid, held.Devices, held.Project))
            : Decision.Nothing;

    public const string LeakReclaimed = ReleaseReason.LeakReclaimed;

    public const string NodeRemoved = ReleaseReason.NodeRemoved;

    /// <summary>NODE-1: every assignment released with reason NodeRemoved, then the node deregistered; a second removal is Nothing.</summary>
    public static Decision Remove(GpuNode node)
    {
        var events = node.Assignments.Values.OrderBy(a => a.PodUid, StringComparer.Ordinal)
            .Select(a => (object)new GpuDevicesReleased(node.Name, a.PodUid, a.Devices, a.Project, NodeRemoved)).ToList();
        if (node.Registered)
        {
            events.Add(new GpuNodeRemoved(node.Name));
        }
        return Decision.AcceptAny(events);
    }

    private static IEnumerable<object> Reclaimed(GpuNode node, string podUid) =>
        node.Assignments.TryGetValue(podUid, out var held) ? [new GpuDevicesReleased(node.Name, podUid, held.Devices, held.Project, LeakReclaimed)] : [];



    public static Decision Assign(GpuNode node, AssignGpus cmd)
    {
        var demand = GpuDemand.From(cmd.Pod, out var error);
        if (demand is null)
        {
            return error!;
        }
        if (node.Assignments.TryGetValue(cmd.Pod.Uid, out var held))
        {
            return SameRequest(held, demand) ? Decision.Nothing : GpuErrors.PodAlreadyAssigned(cmd.Pod.Uid, node.Name);
        }
        if (!node.Registered)
        {
            return GpuErrors.NodeNotFound(cmd.Node);
        }
        if (!GpuFit.ArchSupported(node))
        {
            return GpuErrors.ArchNotSupported(node.Name, node.Arch);
        }
        if (GpuFit.UntoleratedTaint(node, cmd.Pod) is { } taint)
        {
            return GpuErrors.TaintNotTolerated(node.Name, taint);
        }
        if (!GpuFit.MatchesSelector(node, cmd.Pod))
        {
            return GpuErrors.Unschedulable(demand.Resource, 1, [UnschedulableMessage.NodeAffinityMismatch]);
        }
        foreach (var index in demand.Pinned ?? [])
        {
            if (node.Device(index) is not { } pinned)
            {
                return GpuErrors.DeviceNotFound(node.Name, index);
            }
            if (!pinned.Healthy)
            {
                return GpuErrors.DeviceUnhealthy(node.Name, index, pinned.Uuid);
            }
        }
        if (cmd.Devices is { } placement)
        {
            return Commit(node, demand, placement);
        }
        var fit = GpuFit.Evaluate(node, demand, cmd.Strategy);
        return fit.Fits
            ? Decision.Accept(Assigned(node, demand, fit.Devices))
            : GpuErrors.Unschedulable(demand.Resource, 1, fit.Reasons);
    }

    /// <summary>Builds the event; the env value is uuids for NVIDIA (stable across reboots) and card numbers for Kunlun.</summary>
    public static GpuDevicesAssigned Assigned(GpuNode node, GpuDemand demand, IReadOnlyList<AssignedDevice> devices)
    {
        var pod = demand.Pod;
        var visible = demand.Vendor == GpuVendor.Nvidia
            ? string.Join(",", devices.Select(d => d.Uuid))
            : string.Join(",", devices.Select(d => d.Index));
        return new GpuDevicesAssigned(node.Name, pod.Uid, pod.Namespace, pod.Name, pod.Project, demand.Resource,
            demand.Exclusive, devices, demand.VisibilityVariable, visible, demand.Warnings);
    }

    // The scheduler chose these cards from a possibly older view; a concurrent commit may have taken them since.
    private static Decision Commit(GpuNode node, GpuDemand demand, IReadOnlyList<int> placement)
    {
        var indices = placement.Distinct().Order().ToList();
        if (indices.Count != demand.Count || (demand.Pinned is { } pinned && !pinned.SequenceEqual(indices)))
        {
            return GpuErrors.PlacementConflict(node.Name, placement,
                $"the pod needs {demand.Count} card(s){(demand.Pinned is null ? "" : $" [{string.Join(",", demand.Pinned)}]")}");
        }
        var devices = new List<AssignedDevice>();
        foreach (var index in indices)
        {
            if (node.Device(index) is not { } device)
            {
                return GpuErrors.PlacementConflict(node.Name, placement, $"card {index} is not in the inventory");
            }
            var why = GpuFit.CardRefusal(node, device, demand);
            if (why.Count > 0)
            {
                return GpuErrors.PlacementConflict(node.Name, placement,
                    $"card {index}: {string.Join(", ", why.Select(GpuResources.Insufficient))}{(device.Healthy ? "" : " (unhealthy)")}");
            }
            devices.Add(GpuFit.Reserve(device, demand));
        }
        return Decision.Accept(Assigned(node, demand, devices));
    }

    private static bool SameRequest(GpuDevicesAssigned held, GpuDemand demand) =>
        held.Resource == demand.Resource
        && held.Exclusive == demand.Exclusive
        && held.Devices.Count == demand.Count
        && (demand.Pinned is null || demand.Pinned.SequenceEqual(held.Devices.Select(d => d.Index)))
        && (demand.Exclusive || held.Devices.All(d => d.MemoryMiB == demand.MemoryMiB && d.Cores == demand.Cores));
}
