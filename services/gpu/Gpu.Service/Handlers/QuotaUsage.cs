using Mesh.Gpu.Domain;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>A project's GPU limits and what its pods hold, per resource.</summary>
public sealed record QuotaUsage(string Project, IReadOnlyDictionary<string, long> Hard, IReadOnlyDictionary<string, long> Used)
{
    public static QuotaUsage Of(GpuQuota quota) => new(quota.Project,
        new Dictionary<string, long>(quota.Limits),
        quota.Reservations.Values.GroupBy(r => r.Resource).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)));
}
