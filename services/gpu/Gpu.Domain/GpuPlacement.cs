namespace Mesh.Gpu.Domain;

/// <summary>
/// Where the scheduler would put a pod: the node and cards, and the env the pod would get.
/// <see cref="AlreadyAssigned"/> is true when the pod already holds these cards (COMMON-2).
/// </summary>
public sealed record GpuPlacement(
    string Node,
    IReadOnlyList<AssignedDevice> Devices,
    bool Exclusive,
    string VisibilityVariable,
    string VisibleDevices,
    IReadOnlyList<string> Warnings,
    bool AlreadyAssigned = false)
{
    public IReadOnlyList<int> Indices => Devices.Select(d => d.Index).ToList();

    /// <summary>The command that commits this placement through the node's decider, which re-checks it.</summary>
    public AssignGpus ToCommand(GpuPodRequest pod) => new(Node, pod, Indices);

    public static GpuPlacement Of(GpuDevicesAssigned e, bool alreadyAssigned) =>
        new(e.Node, e.Devices, e.Exclusive, e.VisibilityVariable, e.VisibleDevices, e.Warnings, alreadyAssigned);
}
