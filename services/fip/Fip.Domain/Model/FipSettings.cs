namespace Mesh.Fip.Domain.Model;

// Per-project FIP quotas (FIP-2), passed in from configuration.
public sealed record FipSettings(IReadOnlyDictionary<string, int> ProjectQuotas, int DefaultQuota)
{
    public static FipSettings Default { get; } = new(new Dictionary<string, int>(), 10);

    public int QuotaFor(string project) => ProjectQuotas.TryGetValue(project, out var q) ? q : DefaultQuota;
}
