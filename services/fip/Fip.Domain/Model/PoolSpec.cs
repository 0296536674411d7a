namespace Mesh.Fip.Domain.Model;

// The container FIP pool of one external network (`neutron.io` `Fip`, fips.neutron.io, FIP-1).
// Ranges and excludes are addresses, `a..b` ranges or CIDRs; no range means the whole CIDR.
public sealed record PoolSpec(
    string ExternalNetworkId,
    string Name,
    string Cidr,
    string Gateway,
    IReadOnlyList<string> Ranges,
    IReadOnlyList<string> Excludes)
{
    public bool SameAs(PoolSpec other) =>
        ExternalNetworkId == other.ExternalNetworkId && Name == other.Name && Cidr == other.Cidr
        && Gateway == other.Gateway && Ranges.SequenceEqual(other.Ranges) && Excludes.SequenceEqual(other.Excludes);
}
