using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Contracts.Sriov;

namespace Mesh.Sriov.Domain;

/// <summary>
/// POOL-1 for SR-IOV networks: one physical network (a `resourceName`) is one routing domain, so its
/// networks with the same range share one IPAM pool (as Whereabouts keeps one IPPool per range), and
/// overlapping but different ranges on it are refused. The pool's exclude list is the union of its
/// networks' (no network hands out an address another one reserved); its gateway is theirs, which must agree.
/// </summary>
public static class NetworkPools
{
    public static string? PoolOf(SriovNetworkResource? network) =>
        network is { Spec.ResourceName: { } resource } && Range(network) is { } range ? SriovIpRangeAnnounced.SharedPool(resource, range) : null;

    public static string ProviderOf(SriovNetworkResource network) => SriovIpRangeAnnounced.SharedProvider(network.Spec.ResourceName ?? "");

    /// <summary>Why <paramref name="network"/> cannot join the physical network's pools, naming the other network; null when it can.</summary>
    public static MeshError? Conflict(SriovConfig state, SriovNetworkResource network)
    {
        if (Range(network) is not { } range || network.Spec.ResourceName is not { } resource)
        {
            return null;
        }
        foreach (var other in state.Networks.Where(o => !SameNetwork(o, network) && SamePhysicalNetwork(o, resource)))
        {
            if (Range(other) is not { } taken || !taken.Overlaps(range))
            {
                continue;
            }
            if (taken != range)
            {
                return new MeshError(ErrorCodes.CidrConflict,
                    $"spec.ipam.range {range} overlaps range {taken} of network {other.Namespace}/{other.Name} on the same physical network {resource}; " +
                    "networks of one physical network share a pool only when their ranges are equal",
                    ErrorKind.Conflict, "spec.ipam.range", network.Spec.Ipam!.Range, $"use range {taken} to share its pool, or a range that does not overlap it");
            }
            if (Gateway(other) != Gateway(network))
            {
                return new MeshError(ErrorCodes.CidrConflict,
                    $"spec.ipam.gateway '{network.Spec.Ipam!.Gateway}' differs from gateway '{other.Spec.Ipam!.Gateway}' of network {other.Namespace}/{other.Name}, " +
                    $"whose pool {PoolOf(other)} this network shares (same physical network {resource}, same range {range})",
                    ErrorKind.Conflict, "spec.ipam.gateway", network.Spec.Ipam.Gateway, $"use gateway {other.Spec.Ipam.Gateway ?? "(none)"}");
            }
        }
        return null;
    }

    /// <summary>
    /// The pool events that follow from replacing <paramref name="before"/> by <paramref name="after"/>
    /// (either may be null: a new or a deleted network) in <paramref name="state"/>, which still holds <paramref name="before"/>.
    /// </summary>
    public static IEnumerable<object> Changes(SriovConfig state, SriovNetworkResource? before, SriovNetworkResource? after)
    {
        var cause = after ?? before!;
        var remaining = state.Networks.Where(n => !SameNetwork(n, cause)).ToList();
        if (after is not null)
        {
            remaining.Add(after);
        }
        foreach (var pool in new[] { PoolOf(before), PoolOf(after) }.OfType<string>().Distinct())
        {
            var was = Spec(state.Networks.Where(n => PoolOf(n) == pool), pool, cause);
            var now = Spec(remaining.Where(n => PoolOf(n) == pool), pool, cause);
            if (now is null)
            {
                yield return new NetworkPoolClosed(pool, cause.Namespace, cause.Name);
            }
            else if (was is null || !was.SameAs(now))
            {
                yield return now;
            }
        }
    }

    private static NetworkPoolDefined? Spec(IEnumerable<SriovNetworkResource> members, string pool, SriovNetworkResource cause)
    {
        var list = members.OrderBy(n => n.Namespace, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return null;
        }
        var first = list[0];
        var exclude = list.SelectMany(n => n.Spec.Ipam!.ExcludeList).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new NetworkPoolDefined(pool, ProviderOf(first), first.Spec.ResourceName!, Range(first)!.Value.ToString(), first.Spec.Ipam!.Gateway,
            exclude, [.. list.Select(n => $"{n.Namespace}/{n.Name}")], cause.Namespace, cause.Name);
    }

    private static IpPrefix? Range(SriovNetworkResource network) =>
        IpPrefix.TryParse(network.Spec.Ipam?.Range, out var range) ? range : null;

    private static string? Gateway(SriovNetworkResource network) =>
        IpAddress.Canonical(network.Spec.Ipam?.Gateway) ?? network.Spec.Ipam?.Gateway;

    private static bool SameNetwork(SriovNetworkResource a, SriovNetworkResource b) => a.Namespace == b.Namespace && a.Name == b.Name;

    private static bool SamePhysicalNetwork(SriovNetworkResource n, string resource) =>
        n.Spec.ResourceName is { } r && string.Equals(r, resource, StringComparison.OrdinalIgnoreCase);
}
