using Mesh.Contracts;

namespace Mesh.Gpu.Domain;

/// <summary>Validates and normalises a node agent's report (GPU-1).</summary>
internal static class InventoryCheck
{
    public static MeshError? NodeName(string? node)
    {
        if (string.IsNullOrEmpty(node) || node.Length > 253)
        {
            return GpuErrors.InvalidRequest("node", node, "a node name is a DNS subdomain of at most 253 characters");
        }
        return node.Split('.').Select(s => DnsName.Check(s, "node")).FirstOrDefault(e => e is not null) is not null
            ? GpuErrors.InvalidRequest("node", node, "a node name is a DNS subdomain (lowercase a-z, 0-9, '-' and '.')")
            : null;
    }

    public static RegisterGpuNode? Normalise(RegisterGpuNode cmd, out MeshError? error)
    {
        error = NodeName(cmd.Node);
        if (error is null && !GpuResources.Arches.Contains(cmd.Arch))
        {
            error = GpuErrors.InvalidRequest("arch", cmd.Arch, "arch must be amd64 or arm64");
        }
        if (error is null && cmd.Taints.FirstOrDefault(t => string.IsNullOrWhiteSpace(t.Key)) is { } bad)
        {
            error = GpuErrors.InvalidRequest("taints", bad.ToString(), "a taint needs a key");
        }
        var devices = new List<GpuDevice>();
        for (var i = 0; error is null && i < cmd.Devices.Count; i++)
        {
            var d = cmd.Devices[i];
            var model = GpuModels.Canonical(d.Vendor, d.Model);
            error = d.Index < 0 || devices.Any(x => x.Index == d.Index)
                ? GpuErrors.InvalidRequest($"devices[{i}].index", d.Index.ToString(), "indices are unique whole numbers >= 0")
                : string.IsNullOrWhiteSpace(d.Uuid) || devices.Any(x => x.Uuid == d.Uuid)
                    ? GpuErrors.InvalidRequest($"devices[{i}].uuid", d.Uuid, "every card has its own uuid")
                    : model is null
                        ? ModelError(i, d)
                        : d.MemoryMiB <= 0
                            ? GpuErrors.InvalidRequest($"devices[{i}].memoryMiB", d.MemoryMiB.ToString(), "memory must be positive")
                            : null;
            devices.Add(d with { Model = model ?? d.Model });
        }
        return error is null ? cmd with { Devices = devices.OrderBy(d => d.Index).ToList() } : null;
    }

    public static bool SameAs(GpuNode node, RegisterGpuNode cmd) =>
        node.Arch == cmd.Arch
        && node.Labels.Count == cmd.Labels.Count
        && node.Labels.All(kv => cmd.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value)
        && node.Taints.SequenceEqual(cmd.Taints)
        && node.Devices.SequenceEqual(cmd.Devices);

    /// <summary>Pods holding a card that the new report drops, replaces or marks unhealthy.</summary>
    public static IReadOnlyList<string> Affected(GpuNode node, IReadOnlyList<GpuDevice> reported) => node.Devices
        .Where(old => Lost(old, reported.FirstOrDefault(d => d.Index == old.Index)))
        .SelectMany(d => node.PodsOn(d.Index))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static bool Lost(GpuDevice old, GpuDevice? now) =>
        now is null || now.Uuid != old.Uuid || (old.Healthy && !now.Healthy);

    private static MeshError ModelError(int i, GpuDevice d)
    {
        var supported = d.Vendor == GpuVendor.Nvidia ? GpuModels.Nvidia : GpuModels.Kunlun;
        return GpuErrors.InvalidRequest($"devices[{i}].model", d.Model,
            $"{d.Vendor} model must be one of {string.Join(", ", supported)}");
    }
}
