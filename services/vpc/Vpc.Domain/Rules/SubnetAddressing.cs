using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

// SUB-1 defaults and SUB-7 placement of the gateway and excludeIps.
internal static class SubnetAddressing
{
    public static MeshError? Gateway(IReadOnlyList<IpPrefix> prefixes, string? requested, out IReadOnlyList<IpAddress> gateways)
    {
        gateways = [];
        IReadOnlyList<IpAddress> candidates;
        if (requested is null)
        {
            candidates = prefixes.Select(p => p.Network.Add(1)).ToArray();
        }
        else if (!DualStack.TryParseAddresses(requested, out candidates) || candidates.Count != prefixes.Count)
        {
            return TopologyErrors.Invalid("spec.gateway", requested,
                $"spec.gateway '{requested}' must be one address per family of the cidrBlock ({DualStack.Join(prefixes)})");
        }
        var ordered = new List<IpAddress>();
        foreach (var prefix in prefixes)
        {
            var gateway = candidates.FirstOrDefault(a => a.Family == prefix.Family);
            if (!prefix.Contains(gateway))
            {
                return TopologyErrors.Invalid("spec.gateway", requested, $"spec.gateway '{requested}' has no address inside {prefix}");
            }
            if (gateway == prefix.Network || (prefix.Family == IpFamily.V4 && gateway == prefix.Last))
            {
                return TopologyErrors.Invalid("spec.gateway", gateway.ToString(),
                    $"spec.gateway {gateway} is the network or broadcast address of {prefix}", "use a host address such as the first usable one");
            }
            ordered.Add(gateway);
        }
        gateways = ordered;
        return null;
    }

    // Each entry must lie inside the CIDR; the gateway is always excluded (added when missing).
    public static MeshError? ExcludeIps(IReadOnlyList<IpPrefix> prefixes, IReadOnlyList<IpAddress> gateways,
        IReadOnlyList<string>? requested, out IReadOnlyList<string> excludeIps)
    {
        excludeIps = [];
        var ranges = new List<IpRange>();
        foreach (var entry in requested ?? [])
        {
            if (!IpRange.TryParse(entry, out var range, out var error))
            {
                return TopologyErrors.Invalid("spec.excludeIps", entry, $"spec.excludeIps: {error}");
            }
            if (!prefixes.Any(p => p.Contains(range.Start) && p.Contains(range.End)))
            {
                return TopologyErrors.Invalid("spec.excludeIps", entry,
                    $"spec.excludeIps entry '{entry}' lies outside the cidrBlock {DualStack.Join(prefixes)}");
            }
            if (!ranges.Contains(range))
            {
                ranges.Add(range);
            }
        }
        foreach (var gateway in gateways)
        {
            if (!ranges.Any(r => r.Contains(gateway)))
            {
                ranges.Add(new IpRange(gateway, gateway));
            }
        }
        excludeIps = ranges.Select(r => r.ToString()).ToArray();
        return null;
    }
}
