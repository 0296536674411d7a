using Mesh.Contracts.Gpu;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Gpu.Domain;
using Mesh.Hosting;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>Node inventory and device health (GPU-1, GPU-11), each decided by the node's single writer.</summary>
public sealed class GpuNodes(KeyedWriter<GpuNode, object, GpuNodeReply> writer)
{
    public async Task<GpuInventoryAccepted> ReportAsync(ReportGpuInventory report, EventMetadata metadata, CancellationToken ct = default)
    {
        RequireNode(report.Node);
        var command = InventoryTranslation.ToCommand(report);
        var outcome = await writer.SubmitAsync(report.Node, command, metadata, ct);
        var decision = outcome.Decision;
        if (decision.Error is { } error)
        {
            throw new MeshException(error);
        }
        var affected = decision.Events.OfType<GpuNodeInventoryReported>().SelectMany(e => e.AffectedPods).ToList();
        return new GpuInventoryAccepted(report.Node, decision.Events.Count > 0, affected);
    }

    public async Task<GpuDeviceHealthAccepted> HealthAsync(ReportGpuDeviceHealth report, EventMetadata metadata, CancellationToken ct = default)
    {
        RequireNode(report.Node);
        var command = new ReportDeviceHealth(report.Node, report.Index, report.Healthy, report.Reason ?? "");
        var outcome = await writer.SubmitAsync(report.Node, command, metadata, ct);
        if (outcome.Decision.Error is { } error)
        {
            throw new MeshException(error);
        }
        var reply = outcome.Result;
        // GPU-11: a card that is (now or still) unhealthy names every pod holding it.
        IReadOnlyList<GpuPodRef> affected = report.Healthy ? [] : reply.OnDevice.Select(AssignmentTranslation.Ref).ToList();
        return new GpuDeviceHealthAccepted(report.Node, report.Index, reply.Device?.Uuid ?? "", report.Healthy, affected);
    }

    /// <summary>The node's current state through its writer (a private copy), or null when it never reported.</summary>
    public Task<GpuNode?> GetAsync(string node, CancellationToken ct = default)
    {
        RequireNode(node);
        return writer.QueryAsync(node, n => n.Registered ? NodeSnapshot.Copy(n) : null, ct);
    }

    /// <summary>SRE-2: the node as it was at <paramref name="at"/>, folded from its stream up to then, or null before it reported.</summary>
    public async Task<(GpuNode Node, long Version)?> GetAsOfAsync(string node, DateTimeOffset at, CancellationToken ct = default)
    {
        RequireNode(node);
        var (then, version) = await writer.AsOfAsync(node, at, ct);
        return version == 0 ? null : (then, version);
    }

    private static void RequireNode(string? node)
    {
        if (string.IsNullOrWhiteSpace(node) || node.Length > 253)
        {
            throw new MeshException(GpuErrors.InvalidRequest("node", node, "a node name is a DNS subdomain of at most 253 characters"));
        }
    }
}
