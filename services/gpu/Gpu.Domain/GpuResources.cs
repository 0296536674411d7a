namespace Mesh.Gpu.Domain;

/// <summary>The names users already know: Kubernetes resource names, the visibility variables, the taint.</summary>
public static class GpuResources
{
    public const string NvidiaGpu = "nvidia.com/gpu";
    public const string KunlunXpu = "baidu.com/XPU";
    public const string GpuMem = "nvidia.com/gpumem";
    public const string GpuCores = "nvidia.com/gpucores";
    public const string Cpu = "cpu";
    public const string Memory = "memory";

    public const string NvidiaVisibleDevices = "NVIDIA_VISIBLE_DEVICES";
    public const string CxpuVisibleDevices = "CXPU_VISIBLE_DEVICES";

    public const string SecureRuntime = "rune";
    public const string GpuArch = "amd64";
    public static readonly IReadOnlyList<string> Arches = ["amd64", "arm64"];

    /// <summary>The taint the seeds put on GPU nodes so that other workloads stay off them (GPU-8).</summary>
    public static readonly Taint AcceleratorTaint = new("accelerator", "true", TaintEffect.NoSchedule);

    public static string ResourceOf(GpuVendor vendor) => vendor == GpuVendor.Nvidia ? NvidiaGpu : KunlunXpu;

    public static string VisibilityVariableOf(GpuVendor vendor) =>
        vendor == GpuVendor.Nvidia ? NvidiaVisibleDevices : CxpuVisibleDevices;

    public static string Insufficient(string resource) => $"insufficient {resource}";
}
