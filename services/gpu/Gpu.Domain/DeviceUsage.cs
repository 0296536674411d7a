namespace Mesh.Gpu.Domain;

/// <summary>
/// What is held on one card: its exclusive holder, or the shared pods and the slices they reserve. Of the shared
/// pods, <see cref="WholeSharers"/> asked for the whole card without a slice (time-sliced, GPU-7); GPU-12a counts
/// each of them as the whole card's memory and cores against slices, as HAMi does, so whole-card sharers and
/// slices never share a card (docs/platform-services.md, "GPU accounting").
/// </summary>
public sealed record DeviceUsage(string? ExclusivePod, int SharedPods, long MemoryMiB, int Cores, int WholeSharers = 0)
{
    public static readonly DeviceUsage Free = new(null, 0, 0, 0);

    public bool IsFree => ExclusivePod is null && SharedPods == 0;

    /// <summary>Shared pods holding a slice (gpumem and/or gpucores).</summary>
    public int SlicedPods => SharedPods - WholeSharers;

    /// <summary>A shared assignment that reserves no slice: the whole card, time-sliced.</summary>
    public static bool IsWhole(bool exclusive, AssignedDevice d) => !exclusive && d.MemoryMiB == 0 && d.Cores == 0;

    public DeviceUsage Add(string pod, bool exclusive, AssignedDevice d) => exclusive
        ? this with { ExclusivePod = pod, MemoryMiB = MemoryMiB + d.MemoryMiB, Cores = Cores + d.Cores }
        : this with
        {
            SharedPods = SharedPods + 1, MemoryMiB = MemoryMiB + d.MemoryMiB, Cores = Cores + d.Cores,
            WholeSharers = WholeSharers + (IsWhole(exclusive, d) ? 1 : 0),
        };

    public DeviceUsage Remove(bool exclusive, AssignedDevice d) => exclusive
        ? this with { ExclusivePod = null, MemoryMiB = MemoryMiB - d.MemoryMiB, Cores = Cores - d.Cores }
        : this with
        {
            SharedPods = SharedPods - 1, MemoryMiB = MemoryMiB - d.MemoryMiB, Cores = Cores - d.Cores,
            WholeSharers = WholeSharers - (IsWhole(exclusive, d) ? 1 : 0),
        };
}
