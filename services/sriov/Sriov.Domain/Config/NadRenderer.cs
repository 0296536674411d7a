using System.Text;
using System.Text.Json;

namespace Mesh.Sriov.Domain;

/// SRIOV-7: the NetworkAttachmentDefinition the operator would create for a network, with the
/// CNI config (`sriov` for Ethernet, `ib-sriov` for InfiniBand) and the device plugin resource
/// annotation the scheduler and Multus use.
public static class NadRenderer
{
    public const string ResourceNameAnnotation = "k8s.v1.cni.cncf.io/resourceName";
    public const string CniVersion = "0.3.1";

    public static NetworkAttachmentDefinitionRendered Render(SriovNetworkResource network, SriovSettings settings)
    {
        var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ResourceNameAnnotation] = settings.Qualified(network.Spec.ResourceName!),
        };
        return new NetworkAttachmentDefinitionRendered(network.Name, network.TargetNamespace, annotations, Config(network));
    }

    private static string Config(SriovNetworkResource network)
    {
        var spec = network.Spec;
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("cniVersion", CniVersion);
            w.WriteString("name", network.Name);
            if (network.Kind == SriovNetworkKind.SriovIBNetwork)
            {
                w.WriteString("type", "ib-sriov");
            }
            else
            {
                w.WriteString("type", "sriov");
                w.WriteNumber("vlan", spec.Vlan ?? 0);
                w.WriteNumber("vlanQoS", spec.VlanQoS ?? 0);
                WriteIf(w, "spoofchk", spec.SpoofChk?.Text);
                WriteIf(w, "trust", spec.Trust?.Text);
                if (spec.MinTxRate is { } min)
                {
                    w.WriteNumber("min_tx_rate", min);
                }
                if (spec.MaxTxRate is { } max)
                {
                    w.WriteNumber("max_tx_rate", max);
                }
            }
            WriteIf(w, "link_state", spec.LinkState);
            WriteCapabilities(w, spec.Capabilities);
            WriteIpam(w, spec.Ipam);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteIf(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteCapabilities(Utf8JsonWriter w, SriovCapabilities? caps)
    {
        if (caps is null || (caps.Ips is null && caps.Mac is null))
        {
            return;
        }
        w.WriteStartObject("capabilities");
        if (caps.Ips is { } ips)
        {
            w.WriteBoolean("ips", ips);
        }
        if (caps.Mac is { } mac)
        {
            w.WriteBoolean("mac", mac);
        }
        w.WriteEndObject();
    }

    private static void WriteIpam(Utf8JsonWriter w, WhereaboutsIpam? ipam)
    {
        w.WriteStartObject("ipam");
        if (ipam is not null)
        {
            WriteIf(w, "type", ipam.Type);
            WriteIf(w, "range", ipam.Range);
            WriteIf(w, "gateway", ipam.Gateway);
            if (ipam.ExcludeList.Count > 0)
            {
                w.WriteStartArray("exclude");
                foreach (var e in ipam.ExcludeList)
                {
                    w.WriteStringValue(e);
                }
                w.WriteEndArray();
            }
        }
        w.WriteEndObject();
    }
}
