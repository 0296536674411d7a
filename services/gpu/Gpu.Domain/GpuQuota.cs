namespace Mesh.Gpu.Domain;

/// <summary>A project's GPU quota and what its pods hold (stream <c>gpu-quota-&lt;project&gt;</c>, GPU-6).</summary>
public sealed class GpuQuota
{
    private readonly Dictionary<string, long> limits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GpuQuotaReserved> reservations = new(StringComparer.Ordinal);

    public GpuQuota(string project) => Project = project;

    public string Project { get; }

    public IReadOnlyDictionary<string, long> Limits => limits;

    public IReadOnlyDictionary<string, GpuQuotaReserved> Reservations => reservations;

    public static string StreamId(string project) => $"gpu-quota-{project}";

    public static GpuQuota From(string project, IEnumerable<object> events)
    {
        var quota = new GpuQuota(project);
        foreach (var e in events)
        {
            quota.Apply(e);
        }
        return quota;
    }

    public long Used(string resource) => reservations.Values.Where(r => r.Resource == resource).Sum(r => r.Count);

    public long? LimitOf(string resource) => limits.TryGetValue(resource, out var limit) ? limit : null;

    public void Apply(object @event)
    {
        switch (@event)
        {
            case GpuQuotaSet e:
                limits.Clear();
                foreach (var (resource, limit) in e.Limits)
                {
                    limits[resource] = limit;
                }
                break;
            case GpuQuotaReserved e:
                reservations[e.PodUid] = e;
                break;
            case GpuQuotaReleased e:
                reservations.Remove(e.PodUid);
                break;
        }
    }
}
