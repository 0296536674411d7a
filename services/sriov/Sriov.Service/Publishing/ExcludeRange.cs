using System.Net;
using System.Numerics;

namespace Mesh.Sriov.Service.Publishing;

/// Whereabouts writes `exclude` entries as CIDRs; the IPAM service's pools take addresses and
/// `first..last` ranges (the kube-ovn excludeIps form), so a CIDR is announced as its range.
public static class ExcludeRange
{
    public static string Of(string entry)
    {
        if (!entry.Contains('/') || !IPNetwork.TryParse(entry, out var net))
        {
            return entry;
        }
        var bytes = net.BaseAddress.GetAddressBytes();
        var bits = bytes.Length * 8;
        var first = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var last = first + (BigInteger.One << (bits - net.PrefixLength)) - 1;
        return $"{net.BaseAddress}..{ToAddress(last, bytes.Length)}";
    }

    private static IPAddress ToAddress(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[length];
        raw.CopyTo(bytes, length - raw.Length);
        return new IPAddress(bytes);
    }
}
