using Mesh.Addressing;

namespace Mesh.Sriov.Service.Publishing;

/// Whereabouts writes `exclude` entries as CIDRs; the IPAM service's pools take addresses and
/// `first..last` ranges (the kube-ovn excludeIps form), so a CIDR is announced as its range.
public static class ExcludeRange
{
    public static string Of(string entry) =>
        IpRange.TryParseWithCidr(entry, out var range, out _) ? range.ToString() : entry;
}
