using System.ComponentModel.DataAnnotations;

namespace Mesh.Gpu.Service;

/// <summary>GPU scheduling settings (section <c>Mesh:Gpu</c>).</summary>
public sealed class GpuOptions
{
    public const string Section = "Mesh:Gpu";

    /// <summary>
    /// How often a placement that lost its cards to a concurrent commit is scheduled again. Each conflict means
    /// another pod took capacity, so the bound is reached only when the cluster is filling up under a burst.
    /// </summary>
    [Range(1, 1000)]
    public int MaxScheduleAttempts { get; set; } = 32;
}
