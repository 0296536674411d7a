using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

internal static class ExternalNetworkRules
{
    public static Decision Register(Topology state, RegisterExternalNetwork c)
    {
        var n = c.Network;
        if (!Guid.TryParseExact(n.Id, "D", out _))
        {
            return TopologyErrors.Invalid("id", n.Id, $"external network id '{n.Id}' is not a uuid");
        }
        if (!IpPrefix.TryParse(n.Cidr, out var cidr, out var error))
        {
            return TopologyErrors.InvalidCidr("cidr", n.Cidr, error);
        }
        string? gateway = null;
        if (!string.IsNullOrWhiteSpace(n.Gateway))
        {
            if (!IpAddress.TryParse(n.Gateway, out var gw) || !cidr.Contains(gw))
            {
                return TopologyErrors.Invalid("gateway", n.Gateway, $"gateway '{n.Gateway}' is not an address in {cidr}");
            }
            gateway = gw.ToString();
        }
        var normalized = new ExternalNetwork(n.Id.ToLowerInvariant(), string.IsNullOrWhiteSpace(n.Name) ? null : n.Name, cidr.ToString(), gateway);
        // COMMON-1: names are unique per kind; the API addresses external networks by name.
        if (normalized.Name is { } name && state.ExternalNetworks.Values.FirstOrDefault(x => x.Name == name && x.Id != normalized.Id) is { } other)
        {
            return new MeshError(ErrorCodes.AlreadyExists, $"external network name '{name}' is already used by network {other.Id}",
                ErrorKind.Conflict, "metadata.name", name, "choose another name, or use the registered network's id");
        }
        if (state.ExternalNetworks.TryGetValue(normalized.Id, out var existing))
        {
            if (existing == normalized)
            {
                return Decision.Nothing;
            }
            if (existing.Cidr != normalized.Cidr && state.Vpcs.Values.Any(v => v.ExternalNetworkID == normalized.Id))
            {
                return TopologyErrors.Immutable("cidr", existing.Cidr, normalized.Cidr);
            }
        }
        // POOL-1: the external networks are one routing domain; an address in two of them would be
        // given twice (as a FIP and as a gateway's external address).
        foreach (var registered in state.ExternalNetworks.Values.Where(x => x.Id != normalized.Id))
        {
            if (IpPrefix.TryParse(registered.Cidr, out var taken) && taken.Overlaps(cidr))
            {
                var label = registered.Name ?? registered.Id;
                return new MeshError(VpcErrorCodes.CidrConflict,
                    $"cidr {cidr} overlaps external network {label} ({taken}); external networks must not overlap",
                    ErrorKind.Conflict, "cidr", cidr.ToString(), $"choose a CIDR outside {taken}, or use external network {label}");
            }
        }
        return Decision.Accept(new ExternalNetworkRegistered(normalized));
    }
}
