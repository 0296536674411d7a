using Mesh.Contracts;

namespace Mesh.Gpu.Domain;

// Stream gpu-node-<name>. Stored type names live in GpuEventTypes and never change once stored.

/// <summary>The node agent's first inventory report (GPU-1).</summary>
public sealed record GpuNodeRegistered(
    string Node,
    string Arch,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    IReadOnlyList<GpuDevice> Devices) : INodeScoped;

/// <summary>A later report that changed the inventory; pods holding a card that vanished or went unhealthy are named.</summary>
public sealed record GpuNodeInventoryReported(
    string Node,
    string Arch,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<Taint> Taints,
    IReadOnlyList<GpuDevice> Devices,
    IReadOnlyList<string> AffectedPods) : INodeScoped;

/// <summary>GPU-11: a card changed health; <see cref="AffectedPods"/> are the pod uids holding it.</summary>
public sealed record GpuDeviceHealthChanged(
    string Node,
    int Index,
    string Uuid,
    bool Healthy,
    string Reason,
    IReadOnlyList<string> AffectedPods) : INodeScoped;

/// <summary>
/// Cards given to a pod. <see cref="VisibilityVariable"/>=<see cref="VisibleDevices"/> is the env the pod's
/// sandbox gets (NVIDIA_VISIBLE_DEVICES=uuids, CXPU_VISIBLE_DEVICES=indices); warnings are GPU-10's.
/// </summary>
public sealed record GpuDevicesAssigned(
    string Node,
    string PodUid,
    string Namespace,
    string PodName,
    string Project,
    string Resource,
    bool Exclusive,
    IReadOnlyList<AssignedDevice> Devices,
    string VisibilityVariable,
    string VisibleDevices,
    IReadOnlyList<string> Warnings) : INodeScoped;

/// <summary>NODE-1: the node left the cluster; its cards are gone from scheduling until its agent registers it again.</summary>
public sealed record GpuNodeRemoved(string Node);

/// <summary>A pod's cards were given back; <see cref="Reason"/> PodDeleted, or LeakReclaimed (IPAM-11b).</summary>
public sealed record GpuDevicesReleased(
    string Node,
    string PodUid,
    IReadOnlyList<AssignedDevice> Devices,
    string? Project = null,
    string Reason = "PodDeleted") : INodeScoped;
