using Mesh.Addressing;

namespace Mesh.Contracts.Sriov;

// The SR-IOV service owns networks; the IPAM service owns their addresses (DOMAIN.md SRIOV-6). A
// network's Whereabouts-style `ipam` block becomes an IPAM pool; a VF's address is then an AllocateIp
// with that pool as subnet, its provider and the interface (net1, net2, ...).
//
// POOL-1: the networks of one physical network (one `resourceName`) with the same range share one
// pool, SharedPool(resourceName, range), as Whereabouts keeps one IPPool per range: the seed's `ibnics`
// and `nics` (both mlxnics, both 192.168.100.0/24) never give one address twice. Overlapping but
// different ranges on one physical network are refused by the SR-IOV service.

/// <summary>A pool's range, for the IPAM service to keep: announced when its first network appears or its spec changes.</summary>
public sealed record SriovIpRangeAnnounced(string Namespace, string Network, string Range, string? Gateway, IReadOnlyList<string> Exclude)
{
    /// <summary>The announcement's place in the SR-IOV service's log (see <see cref="Vpc.SubnetAnnounced.Generation"/>).</summary>
    public long Generation { get; init; }

    /// <summary>The IPAM pool; null from a publisher that predates shared pools, then <see cref="Pool(string, string)"/>.</summary>
    public string? PoolName { get; init; }

    /// <summary>The pool's provider; null with <see cref="PoolName"/>, then <see cref="Provider(string, string)"/>.</summary>
    public string? PoolProvider { get; init; }

    public string PoolOrDefault => PoolName ?? Pool(Namespace, Network);

    public string ProviderOrDefault => PoolProvider ?? Provider(Namespace, Network);

    /// <summary>The per-network pool name of publishers before shared pools.</summary>
    public static string Pool(string ns, string network) => $"sriov.{ns}.{network}";

    /// <summary>The per-network provider of publishers before shared pools.</summary>
    public static string Provider(string ns, string network) => $"{network}.{ns}.sriov";

    /// <summary>
    /// The pool of every network on <paramref name="resourceName"/> with <paramref name="range"/>:
    /// sriov.mlxnics.192-168-100-0-24 (a subnet name of DNS labels).
    /// </summary>
    public static string SharedPool(string resourceName, IpPrefix range) => $"sriov.{Label(resourceName)}.{Label(range)}";

    /// <summary>The provider of a physical network's pools.</summary>
    public static string SharedProvider(string resourceName) => $"{Label(resourceName)}.sriov";

    private static string Label(string resourceName) => resourceName.ToLowerInvariant().Replace('_', '-');

    private static string Label(IpPrefix range)
    {
        var v = range.Network.Value;
        var parts = range.Family == IpFamily.V4
            ? Enumerable.Range(0, 4).Select(i => ((uint)(v >> (24 - (8 * i))) & 0xFF).ToString())
            : Enumerable.Range(0, 8).Select(i => ((uint)(v >> (112 - (16 * i))) & 0xFFFF).ToString("x"));
        return $"{string.Join('-', parts)}-{range.Length}";
    }
}

/// <summary>The pool's last network was deleted (or moved to another range); the IPAM service closes the pool once it is empty.</summary>
public sealed record SriovIpRangeRemoved(string Namespace, string Network)
{
    /// <summary>The IPAM pool; null from a publisher that predates shared pools, then <see cref="SriovIpRangeAnnounced.Pool"/>.</summary>
    public string? PoolName { get; init; }

    public string PoolOrDefault => PoolName ?? SriovIpRangeAnnounced.Pool(Namespace, Network);
}
