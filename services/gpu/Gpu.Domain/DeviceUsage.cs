namespace Mesh.Gpu.Domain;

/// <summary>What is held on one card: its exclusive holder, or the shared pods and the slices they reserve.</summary>
public sealed record DeviceUsage(string? ExclusivePod, int SharedPods, long MemoryMiB, int Cores)
{
    public static readonly DeviceUsage Free = new(null, 0, 0, 0);

    public bool IsFree => ExclusivePod is null && SharedPods == 0;

    public DeviceUsage Add(string pod, bool exclusive, AssignedDevice d) => exclusive
        ? this with { ExclusivePod = pod, MemoryMiB = MemoryMiB + d.MemoryMiB, Cores = Cores + d.Cores }
        : this with { SharedPods = SharedPods + 1, MemoryMiB = MemoryMiB + d.MemoryMiB, Cores = Cores + d.Cores };

    public DeviceUsage Remove(bool exclusive, AssignedDevice d) => exclusive
        ? this with { ExclusivePod = null, MemoryMiB = MemoryMiB - d.MemoryMiB, Cores = Cores - d.Cores }
        : this with { SharedPods = SharedPods - 1, MemoryMiB = MemoryMiB - d.MemoryMiB, Cores = Cores - d.Cores };
}
