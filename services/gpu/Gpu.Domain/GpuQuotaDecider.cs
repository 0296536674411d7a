using Mesh.Contracts;

namespace Mesh.Gpu.Domain;

/// <summary>GPU-6: a project never holds more cards than its quota. Lowering a quota below use keeps running pods.</summary>
public static class GpuQuotaDecider
{
    private static readonly string[] Resources = [GpuResources.NvidiaGpu, GpuResources.KunlunXpu];

    public static Decision Decide(GpuQuota quota, object command) => command switch
    {
        SetGpuQuota c => Set(quota, c),
        ReserveGpuQuota c => Reserve(quota, c),
        ReleaseGpuQuota c => Release(quota, c),
        _ => GpuErrors.InvalidRequest("command", command.GetType().Name, "not a gpu quota command"),
    };

    public static Decision Set(GpuQuota quota, SetGpuQuota cmd)
    {
        foreach (var (resource, limit) in cmd.Limits)
        {
            if (!Resources.Contains(resource))
            {
                return GpuErrors.InvalidRequest("quota.resource", resource, $"a GPU quota is set on {string.Join(" or ", Resources)}");
            }
            if (limit < 0)
            {
                return GpuErrors.InvalidRequest($"quota[{resource}]", limit.ToString(), "a quota is a whole number >= 0");
            }
        }
        var same = quota.Limits.Count == cmd.Limits.Count
            && cmd.Limits.All(kv => quota.LimitOf(kv.Key) == kv.Value);
        return same ? Decision.Nothing : Decision.Accept(new GpuQuotaSet(cmd.Project, cmd.Limits));
    }

    public static Decision Reserve(GpuQuota quota, ReserveGpuQuota cmd)
    {
        if (!Resources.Contains(cmd.Resource))
        {
            return GpuErrors.InvalidRequest("resource", cmd.Resource, $"quota counts {string.Join(" or ", Resources)}");
        }
        if (cmd.Count < 1)
        {
            return GpuErrors.InvalidRequest($"resources.requests[{cmd.Resource}]", cmd.Count.ToString(), "at least one card");
        }
        if (quota.Reservations.TryGetValue(cmd.PodUid, out var held))
        {
            return held.Resource == cmd.Resource && held.Count == cmd.Count
                ? Decision.Nothing
                : GpuErrors.PodAlreadyAssigned(cmd.PodUid, $"quota of project {cmd.Project}");
        }
        var used = quota.Used(cmd.Resource);
        if (quota.LimitOf(cmd.Resource) is { } limit && used + cmd.Count > limit)
        {
            return GpuErrors.QuotaExceeded(cmd.Project, cmd.Resource, cmd.Count, used, limit);
        }
        return Decision.Accept(new GpuQuotaReserved(cmd.Project, cmd.PodUid, cmd.Resource, cmd.Count));
    }

    public static Decision Release(GpuQuota quota, ReleaseGpuQuota cmd) =>
        quota.Reservations.TryGetValue(cmd.PodUid, out var held)
            ? Decision.Accept(new GpuQuotaReleased(cmd.Project, cmd.PodUid, held.Resource, held.Count))
            : Decision.Nothing;
}
