using Mesh.Contracts.Gpu;
using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>The domain's assignment as the contract other services and node agents read.</summary>
public static class AssignmentTranslation
{
    public static GpuAssignment ToContract(GpuDevicesAssigned a, bool dryRun = false, bool alreadyAssigned = false) =>
        new(a.PodUid, a.Namespace, a.PodName, a.Project, a.Node, a.Resource, a.Exclusive, Grants(a.Devices), Env(a),
            a.Warnings, dryRun, alreadyAssigned);

    public static GpuAssignment ToContract(GpuPlacement p, GpuPodRequest pod, string resource, bool dryRun) =>
        new(pod.Uid, pod.Namespace, pod.Name, pod.Project, p.Node, resource, p.Exclusive, Grants(p.Devices),
            new Dictionary<string, string> { [p.VisibilityVariable] = p.VisibleDevices }, p.Warnings, dryRun, p.AlreadyAssigned);

    public static IReadOnlyList<GpuGrant> Grants(IEnumerable<AssignedDevice> devices) =>
        devices.Select(d => new GpuGrant(d.Index, d.Uuid, d.MemoryMiB, d.Cores)).ToList();

    public static IReadOnlyDictionary<string, string> Env(GpuDevicesAssigned a) =>
        new Dictionary<string, string> { [a.VisibilityVariable] = a.VisibleDevices };

    public static GpuPodRef Ref(GpuDevicesAssigned a) => new(a.PodUid, a.Namespace, a.PodName, a.Project);
}
