namespace Mesh.Gpu.Domain;

/// <summary>The cards the preinstalled drivers support (seed 001, 2.6 usage limits).</summary>
public static class GpuModels
{
    public static readonly IReadOnlyList<string> Nvidia =
    [
        "Tesla V100", "Tesla P100", "Tesla P40", "Tesla P6", "Tesla P4", "Tesla M60", "Tesla M10",
        "Tesla M6", "Tesla T4", "Quadro RTX 8000", "Quadro RTX 6000",
    ];

    public static readonly IReadOnlyList<string> Kunlun = ["R200-8F"];

    /// <summary>
    /// The canonical model name, accepting an optional vendor prefix ("NVIDIA Tesla T4", "Kunlun R200-8F") and the
    /// form and memory suffix nvidia-smi prints ("Tesla V100-SXM2-16GB" is a Tesla V100, "Tesla P100-PCIE-16GB" a
    /// Tesla P100; "Tesla P40" stays a P40, not a P4).
    /// </summary>
    public static string? Canonical(GpuVendor vendor, string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }
        var name = model.Trim();
        string[] prefixes = vendor == GpuVendor.Nvidia ? ["NVIDIA "] : ["Baidu Kunlun ", "Baidu ", "Kunlun "];
        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[prefix.Length..];
            }
        }
        var list = vendor == GpuVendor.Nvidia ? Nvidia : Kunlun;
        return list.FirstOrDefault(m => string.Equals(m, name, StringComparison.OrdinalIgnoreCase))
            ?? list.Where(m => name.Length > m.Length && name.StartsWith(m, StringComparison.OrdinalIgnoreCase) && name[m.Length] is '-' or ' ' or '_')
                .OrderByDescending(m => m.Length).FirstOrDefault();
    }
}
