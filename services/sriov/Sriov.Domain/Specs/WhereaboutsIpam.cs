namespace Mesh.Sriov.Domain;

/// The Whereabouts-style `ipam` block of a network (SRIOV-6). The IPAM service owns the
/// addresses; this service only carries the range to it.
public sealed record WhereaboutsIpam(
    string? Type,
    string? Range,
    string? Gateway = null,
    IReadOnlyList<string>? Exclude = null)
{
    public IReadOnlyList<string> ExcludeList => Exclude ?? [];
}
