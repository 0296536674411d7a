using System.Text.Json.Nodes;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Handlers;
using Mesh.Hosting.Resources;

namespace Mesh.Gpu.Service.Api;

/// <summary>A node as a <c>GpuNode</c> document: the reported spec, and in status each card's use and the pods holding cards.</summary>
public static class GpuNodeDocuments
{
    public const string Kind = "GpuNode";

    /// <summary>
    /// The node's document. <paramref name="sees"/> says which projects' pods the reader may see (COMMON-6): the pods
    /// of other projects are left out of <c>assignments</c>, <c>exclusivePod</c> and <c>affectedPods</c>; the capacity
    /// they use is still shown, because scheduling depends on it.
    /// </summary>
    public static JsonObject Of(GpuNode node, IReadOnlyList<string>? affectedPods = null, Func<string?, bool>? sees = null)
    {
        sees ??= _ => true;
        bool Visible(string? pod) => pod is not null && node.Assignments.TryGetValue(pod, out var a) ? sees(a.Project) : pod is null;
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
                ? new { index = d.Index, healthy = d.Healthy, exclusive = u.ExclusivePod is not null,
                    exclusivePod = Visible(u.ExclusivePod) ? u.ExclusivePod : null, sharedPods = u.SharedPods, memoryMiBUsed = u.MemoryMiB, coresUsed = u.Cores }
                : null),
            assignments = node.Assignments.Values.Where(a => sees(a.Project)).OrderBy(a => a.PodUid, StringComparer.Ordinal)
                .Select(a => AssignmentTranslation.ToContract(a)),
            affectedPods = affectedPods?.Where(Visible).ToList(),
        };
        return ResourceWriter.Document(Bodies.ApiVersion, Kind, new ObjectMeta { Name = node.Name }, spec, status);
    }
}
