using Mesh.Contracts.Gpu;
using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>A node agent's report into the domain's command and the domain's devices back into the contract.</summary>
public static class InventoryTranslation
{
    public static RegisterGpuNode ToCommand(ReportGpuInventory report) => new(
        report.Node,
        report.Arch ?? "",
        report.Labels ?? new Dictionary<string, string>(),
        (report.Taints ?? []).Select((t, i) => new Taint(t.Key ?? "", t.Value ?? "", PodTranslation.Effect(t.Effect, $"taints[{i}].effect"))).ToList(),
        (report.Devices ?? []).Select((d, i) => new GpuDevice(d.Index, d.Uuid ?? "", Vendor(d.Vendor, i), d.Model ?? "", d.MemoryMiB, d.Healthy)).ToList());

    public static GpuDeviceInfo ToContract(GpuDevice d) =>
        new(d.Index, d.Uuid, d.Vendor == GpuVendor.Nvidia ? "nvidia" : "kunlun", d.Model, d.MemoryMiB, d.Healthy);

    public static GpuTaint ToContract(Taint t) => new(t.Key, t.Value, t.Effect.ToString());

    private static GpuVendor Vendor(string? text, int i) => text?.ToLowerInvariant() switch
    {
        "nvidia" => GpuVendor.Nvidia,
        "kunlun" or "baidu" => GpuVendor.Kunlun,
        _ => throw PodTranslation.Invalid($"devices[{i}].vendor", text, "vendor must be nvidia or kunlun"),
    };
}
