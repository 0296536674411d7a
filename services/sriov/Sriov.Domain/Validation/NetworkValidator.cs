using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

/// SRIOV-6: checks and defaults of a `SriovNetwork` / `SriovIBNetwork`, given the policies that exist.
public static class NetworkValidator
{
    public static readonly IReadOnlyList<string> LinkStates = ["enable", "disable", "auto"];

    public static (SriovNetworkResource? Network, MeshError? Error) Validate(
        SriovNetworkResource network, IReadOnlyCollection<SriovNetworkNodePolicy> policies)
    {
        var spec = network.Spec;
        var error = DnsName.Check(network.Name)
            ?? (string.IsNullOrEmpty(spec.NetworkNamespace) ? null : DnsName.Check(spec.NetworkNamespace, "spec.networkNamespace"))
            ?? CheckResource(spec, policies)
            ?? CheckVf(spec)
            ?? CheckRates(spec, policies)
            ?? CheckIpam(spec.Ipam);
        if (error is not null)
        {
            return (null, error);
        }
        return (network with { Spec = spec with { Vlan = spec.Vlan ?? 0, VlanQoS = spec.VlanQoS ?? 0 } }, null);
    }

    private static MeshError? CheckResource(SriovNetworkSpec spec, IReadOnlyCollection<SriovNetworkNodePolicy> policies)
    {
        if (string.IsNullOrEmpty(spec.ResourceName))
        {
            return SriovErrors.Missing("spec.resourceName", "give the spec.resourceName of the SriovNetworkNodePolicy, e.g. mlxnics");
        }
        if (!PolicyValidator.IsResourceName(spec.ResourceName))
        {
            return SriovErrors.ResourceNameInvalid(spec.ResourceName);
        }
        return policies.Any(p => p.Spec.ResourceName == spec.ResourceName) ? null : SriovErrors.UnknownResourceName(spec.ResourceName);
    }

    private static MeshError? CheckVf(SriovNetworkSpec spec)
    {
        if (spec.Vlan is { } vlan && vlan is < 0 or > 4095)
        {
            return SriovErrors.OutOfRange("spec.vlan", vlan, 0, 4095);
        }
        if (spec.VlanQoS is { } qos && qos is < 0 or > 7)
        {
            return SriovErrors.OutOfRange("spec.vlanQoS", qos, 0, 7, "vlanQoS is the IEEE 802.1p priority, 0-7");
        }
        return CheckSwitch("spec.spoofChk", spec.SpoofChk)
            ?? CheckSwitch("spec.trust", spec.Trust)
            ?? (spec.LinkState is { } state && !LinkStates.Contains(state) ? SriovErrors.NotOneOf("spec.linkState", state, LinkStates) : null);
    }

    private static MeshError? CheckSwitch(string field, OnOff? value)
    {
        if (value is null)
        {
            return null;
        }
        if (value.GivenAsBoolean)
        {
            return SriovErrors.QuotedStringRequired(field, value.Text);
        }
        return value.Text is OnOff.On or OnOff.Off ? null : SriovErrors.NotOneOf(field, value.Text, [OnOff.On, OnOff.Off]);
    }

    private static MeshError? CheckRates(SriovNetworkSpec spec, IReadOnlyCollection<SriovNetworkNodePolicy> policies)
    {
        if (spec.MaxTxRate is < 0)
        {
            return SriovErrors.Invalid("spec.maxTxRate", spec.MaxTxRate.ToString(), "must not be negative (Mbps)");
        }
        if (spec.MinTxRate is not { } min)
        {
            return null;
        }
        if (min < 0)
        {
            return SriovErrors.Invalid("spec.minTxRate", min.ToString(), "must not be negative (Mbps)");
        }
        if (spec.MaxTxRate is { } max && min > max)
        {
            return SriovErrors.MinTxRateAboveMax(min, max);
        }
        var intel = policies.Any(p => p.Spec.ResourceName == spec.ResourceName && p.Spec.NicSelector?.Vendor == DeviceTypes.VendorIntel);
        return intel && min > 0 ? SriovErrors.MinTxRateUnsupported(min, spec.ResourceName!) : null;
    }

    private static MeshError? CheckIpam(WhereaboutsIpam? ipam)
    {
        if (ipam is null)
        {
            return null;
        }
        if (string.IsNullOrEmpty(ipam.Type))
        {
            return SriovErrors.Missing("spec.ipam.type", "use \"type\": \"whereabouts\"");
        }
        if (!IpPrefix.TryParseNormalised(ipam.Range, out var range, out var hostBits))
        {
            return SriovErrors.Invalid("spec.ipam.range", ipam.Range, "is not a CIDR such as 192.168.100.0/24");
        }
        if (hostBits)
        {
            return SriovErrors.Invalid("spec.ipam.range", ipam.Range, $"is not a network address: its host bits are set; the network is {range}");
        }
        if (ipam.Gateway is { } gw && !(IpAddress.TryParse(gw, out var gateway) && range.Contains(gateway)))
        {
            return SriovErrors.Invalid("spec.ipam.gateway", gw, $"is not an address inside range {ipam.Range}");
        }
        // The IPAM service keeps this range's pool and refuses an exclude outside it: refused here too,
        // so that the two services never disagree about a network they both accepted (POOL-2).
        foreach (var entry in ipam.ExcludeList)
        {
            if (!IpRange.TryParseWithCidr(entry, out var excluded, out _))
            {
                return SriovErrors.Invalid("spec.ipam.exclude", entry, "is not an address or CIDR");
            }
            if (!range.Contains(excluded.Start) || !range.Contains(excluded.End))
            {
                return SriovErrors.Invalid("spec.ipam.exclude", entry, $"lies outside range {range}");
            }
        }
        return null;
    }
}
