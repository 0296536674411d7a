using System.Text.Json.Nodes;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Handlers;
using Mesh.Hosting.Resources;

namespace Mesh.Gpu.Service.Api;

/// <summary>A node as a <c>GpuNode</c> document: the reported spec, and in status each card's use and the pods holding cards.</summary>
public static class GpuNodeDocuments
{
    public const string Kind = "GpuNode";

    public static JsonObject Of(GpuNode node, IReadOnlyList<string>? affectedPods = null)
    {
        var spec = new GpuNodeSpec
        {
            Arch = node.Arch,
            Labels = new Dictionary<string, string>(node.Labels),
            Taints = node.Taints.Select(InventoryTranslation.ToContract).ToList(),
            Devices = node.Devices.Select(InventoryTranslation.ToContract).ToList(),
        };
        var status = new
        {
            devices = node.Devices.Select(d => node.UsageOf(d.Index) is var u
                ? new { index = d.Index, healthy = d.Healthy, exclusivePod = u.ExclusivePod, sharedPods = u.SharedPods, memoryMiBUsed = u.MemoryMiB, coresUsed = u.Cores }
                : null),
            assignments = node.Assignments.Values.OrderBy(a => a.PodUid, StringComparer.Ordinal)
                .Select(a => AssignmentTranslation.ToContract(a)),
            affectedPods,
        };
        return ResourceWriter.Document(Bodies.ApiVersion, Kind, new ObjectMeta { Name = node.Name }, spec, status);
    }
}
