using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mesh.Hosting.Resources;

/// <summary>
/// COMMON-8: the spec fields of the upstream custom resources, from kubeovn/kube-ovn's CRD definitions
/// (charts/kube-ovn-v2/crds/kube-ovn-crd.yaml, August 2026). A document exported from a Kube-OVN cluster carries them;
/// those the mesh does not act on are accepted and left out before the strict binding, so that only a field that
/// no Kube-OVN CRD has is an <c>UnknownField</c>.
/// </summary>
public static class UpstreamFields
{
    private static readonly Dictionary<string, string[]> Spec = new(StringComparer.Ordinal)
    {
        ["kubeovn.io/v1/Vpc"] =
        [
            "bfdPort", "defaultSubnet", "enableBfd", "enableExternal", "extraExternalSubnets", "namespaces",
            "policyRoutes", "policyRoutes[].action", "policyRoutes[].match", "policyRoutes[].nextHopIP", "policyRoutes[].priority",
            "staticRoutes", "staticRoutes[].bfdId", "staticRoutes[].cidr", "staticRoutes[].ecmpMode", "staticRoutes[].nextHopIP",
            "staticRoutes[].policy", "staticRoutes[].routeTable",
            "vpcPeerings", "vpcPeerings[].localConnectIP", "vpcPeerings[].remoteVpc",
        ],
        ["kubeovn.io/v1/Subnet"] =
        [
            "acls", "allowEWTraffic", "allowSubnets", "cidrBlock", "default", "dhcpV4Options", "dhcpV6Options", "disableGatewayCheck",
            "disableInterConnection", "enableDHCP", "enableEcmp", "enableExternalLBAddress", "enableIPv6RA", "enableLb",
            "enableMulticastSnoop", "excludeIps", "externalEgressGateway", "gateway", "gatewayNode", "gatewayNodeSelectors",
            "gatewayType", "ipv6RAConfigs", "logicalGateway", "mtu", "namespaceSelectors", "namespaces", "natOutgoing",
            "natOutgoingPolicyRules", "nodeNetwork", "policyRoutingPriority", "policyRoutingTableID", "private", "protocol",
            "provider", "routeTable", "u2oFeatures", "u2oInterconnection", "u2oInterconnectionIP", "vips", "vlan", "vpc",
        ],
        ["kubeovn.io/v1/VpcNatGateway"] =
        [
            "affinity", "annotations", "bfd", "bgpSpeaker", "externalSubnets", "internalCIDRs", "internalSubnets", "lanIp",
            "namespace", "noDefaultEIP", "qosPolicy", "replicas", "routes", "selector", "subnet", "tolerations", "vpc",
        ],
        ["kubeovn.io/v1/OvnEip"] = ["externalSubnet", "macAddress", "type", "v4Ip", "v6Ip"],
        ["kubeovn.io/v1/OvnFip"] = ["ipName", "ipType", "ovnEip", "type", "v4Ip", "v6Ip", "vpc"],
        ["kubeovn.io/v1/OvnSnatRule"] = ["ipName", "ovnEip", "v4IpCidr", "v6IpCidr", "vpc", "vpcSubnet"],
        ["kubeovn.io/v1/OvnDnatRule"] = ["externalPort", "internalPort", "ipName", "ipType", "ovnEip", "protocol", "v4Ip", "v6Ip", "vpc"],
    };

    /// <summary>The upstream spec fields of <paramref name="apiVersion"/>/<paramref name="kind"/> (paths such as <c>staticRoutes[].cidr</c>).</summary>
    public static IReadOnlyList<string> Of(string? apiVersion, string? kind) =>
        Spec.TryGetValue($"{apiVersion}/{kind}", out var fields) ? fields : [];

    /// <summary>
    /// <paramref name="spec"/> without the upstream fields that <paramref name="dto"/> does not bind (accepted, not acted on),
    /// and the paths that were left out.
    /// </summary>
    public static (JsonObject Spec, IReadOnlyList<string> Ignored) Strip(JsonObject spec, Type dto, IEnumerable<string> upstream)
    {
        // The upstream types are Go structs whose string fields print "" when unset: an empty string is no value.
        DropEmptyStrings(spec);
        var ignored = new List<string>();
        foreach (var path in upstream.OrderBy(p => p.Count(c => c == '.')))
        {
            var segments = path.Split('.');
            var nodes = new List<JsonObject> { spec };
            Type? type = dto;
            for (var i = 0; i < segments.Length && type is not null && nodes.Count > 0; i++)
            {
                var name = segments[i].TrimEnd('[', ']');
                if (i == segments.Length - 1)
                {
                    if (Property(type, name) is null)
                    {
                        foreach (var node in nodes.Where(n => n.Remove(name)))
                        {
                            ignored.Add(path);
                        }
                    }
                    break;
                }
                var property = Property(type, name);
                type = property is null ? null : Element(property.PropertyType);
                nodes = [.. nodes.Select(n => n[name]).SelectMany(c => c switch
                {
                    JsonArray array => array.OfType<JsonObject>(),
                    JsonObject obj => [obj],
                    _ => [],
                })];
            }
        }
        return (spec, ignored.Distinct().ToList());
    }

    private static void DropEmptyStrings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(kv => kv.Value is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 0).Select(kv => kv.Key).ToList())
                {
                    obj.Remove(key);
                }
                foreach (var (_, value) in obj)
                {
                    DropEmptyStrings(value);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    DropEmptyStrings(item);
                }
                break;
        }
    }

    /// <summary>The JSON names of the properties <paramref name="type"/> binds (the candidates for "did you mean").</summary>
    public static IEnumerable<string> JsonNames(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(JsonName);

    /// <summary>The type bound at <paramref name="path"/> (JSON property names, array indexes skipped) under <paramref name="root"/>.</summary>
    public static Type? TypeAt(Type root, IEnumerable<string> path)
    {
        Type? type = root;
        foreach (var name in path)
        {
            type = type is null || Property(type, name) is not { } p ? null : Element(p.PropertyType);
        }
        return type;
    }

    private static PropertyInfo? Property(Type type, string jsonName) =>
        type == typeof(JsonElement) || type == typeof(JsonNode) ? typeof(AnyField).GetProperty(nameof(AnyField.Any))
        : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => JsonName(p) == jsonName);

    private static string JsonName(PropertyInfo p) =>
        p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);

    private static Type Element(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return type.GetElementType()!;
        }
        if (type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var args = type.GetGenericArguments();
            return Nullable.GetUnderlyingType(args[^1]) ?? args[^1];
        }
        return type;
    }

    // A JsonElement or JsonNode binds any field below it.
    private sealed class AnyField
    {
        public JsonElement Any { get; set; }
    }
}
