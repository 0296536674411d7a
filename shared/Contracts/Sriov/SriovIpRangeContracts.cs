namespace Mesh.Contracts.Sriov;

// The SR-IOV service owns networks; the IPAM service owns their addresses (DOMAIN.md SRIOV-6). A
// network's Whereabouts-style `ipam` block becomes an IPAM pool named Pool(namespace, network) with
// provider Provider(namespace, network); a VF's address is then an AllocateIp with that subnet,
// provider and interface (net1, net2, ...).

/// <summary>A network's address range, for the IPAM service to keep as a pool.</summary>
public sealed record SriovIpRangeAnnounced(string Namespace, string Network, string Range, string? Gateway, IReadOnlyList<string> Exclude)
{
    /// <summary>The announcement's place in the SR-IOV service's log (see <see cref="Vpc.SubnetAnnounced.Generation"/>).</summary>
    public long Generation { get; init; }

    /// <summary>The IPAM pool (subnet) name of a network's range.</summary>
    public static string Pool(string ns, string network) => $"sriov.{ns}.{network}";

    /// <summary>The provider of a network's range.</summary>
    public static string Provider(string ns, string network) => $"{network}.{ns}.sriov";
}

/// <summary>The network was deleted; the IPAM service closes its pool once it is empty.</summary>
public sealed record SriovIpRangeRemoved(string Namespace, string Network);
