using Mesh.Contracts;

namespace Mesh.Ctl;

/// <summary>Which service owns a kind, and where it lives in that service's resource API.</summary>
public sealed record KindRoute(string Kind, string ApiVersion, string Plural, string Service, bool Namespaced, params string[] Aliases)
{
    /// <summary>The path of one resource, or of the collection when <paramref name="name"/> is null.</summary>
    public string Path(string? ns, string? name)
    {
        var prefix = $"/apis/{ApiVersion}" + (Namespaced ? $"/namespaces/{ns ?? "default"}" : "");
        return $"{prefix}/{Plural}" + (name is null ? "" : "/" + Uri.EscapeDataString(name));
    }
}

/// <summary>The kinds meshctl routes, as kubectl would know them from discovery.</summary>
public static class Kinds
{
    public static readonly IReadOnlyList<KindRoute> All =
    [
        new("Vpc", "kubeovn.io/v1", "vpcs", "vpc", false, "vpc", "vpcs"),
        new("Subnet", "kubeovn.io/v1", "subnets", "vpc", false, "subnet", "subnets"),
        new("VpcNatGateway", "kubeovn.io/v1", "vpc-nat-gateways", "vpc", false, "vpc-nat-gateway", "vpcnatgateway", "vpcnatgateways", "vpc-nat-gw", "natgw"),
        new("ExternalNetwork", "network.mesh.io/v1", "externalnetworks", "vpc", false, "externalnetwork", "external-network", "external-networks", "extnet"),
        new("Fip", "neutron.io/v1", "fips", "fip", false, "fip", "fips"),
        new("OvnEip", "kubeovn.io/v1", "ovn-eips", "fip", false, "ovn-eip", "ovneip", "ovneips", "oeip"),
        new("OvnFip", "kubeovn.io/v1", "ovn-fips", "fip", false, "ovn-fip", "ovnfip", "ovnfips", "ofip"),
        new("OvnSnatRule", "kubeovn.io/v1", "ovn-snat-rules", "fip", false, "ovn-snat-rule", "ovnsnatrule", "ovnsnatrules", "osnat"),
        new("OvnDnatRule", "kubeovn.io/v1", "ovn-dnat-rules", "fip", false, "ovn-dnat-rule", "ovndnatrule", "ovndnatrules", "odnat"),
        new("SriovNetworkNodePolicy", "sriovnetwork.openshift.io/v1", "sriovnetworknodepolicies", "sriov", true, "sriovnetworknodepolicy", "snnp"),
        new("SriovNetwork", "sriovnetwork.openshift.io/v1", "sriovnetworks", "sriov", true, "sriovnetwork"),
        new("SriovIBNetwork", "sriovnetwork.openshift.io/v1", "sriovibnetworks", "sriov", true, "sriovibnetwork"),
        new("SriovNetworkNodeState", "sriovnetwork.openshift.io/v1", "sriovnetworknodestates", "sriov", true, "sriovnetworknodestate", "snns"),
        new("GpuNode", "gpu.mesh.io/v1", "gpunodes", "gpu", false, "gpunode", "gpunodes"),
        new("GpuQuota", "gpu.mesh.io/v1", "gpuquotas", "gpu", false, "gpuquota", "gpuquotas"),
    ];

    /// <summary>The route of a kind given as kind, plural or alias, case-insensitively.</summary>
    public static KindRoute? Find(string text) => All.FirstOrDefault(k =>
        string.Equals(k.Kind, text, StringComparison.OrdinalIgnoreCase)
        || string.Equals(k.Plural, text, StringComparison.OrdinalIgnoreCase)
        || k.Aliases.Contains(text, StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Why meshctl apply does not take a document it has no route for, in one line: a Pod goes through
    /// the pod flow, other Kubernetes kinds (Namespace, Deployment, KubeVirt's VirtualMachine, Multus'
    /// NetworkAttachmentDefinition, ...) belong to the cluster, and anything else in a mesh group is unknown.
    /// </summary>
    public static string Refusal(string? apiVersion, string? kind, string? name)
    {
        var what = $"{kind ?? "(no kind)"}/{name ?? "(no name)"} ({apiVersion ?? "no apiVersion"})";
        var group = apiVersion?.Contains('/') == true ? apiVersion[..apiVersion.LastIndexOf('/')] : "";
        if (kind == "Pod" && apiVersion == "v1")
        {
            return $"{what}: a Pod is not applied; meshctl pod create -f FILE gives it its addresses, VFs, GPUs and NAT rules";
        }
        if (All.Any(k => k.ApiVersion.StartsWith(group + "/", StringComparison.Ordinal) && group.Length > 0))
        {
            var near = Spelling.Nearest(kind ?? "", All.Select(k => k.Kind));
            return $"{what}: unknown kind" + (near is null ? "" : $"; did you mean {near}?")
                + $" meshctl applies {string.Join(", ", All.Select(k => k.Kind))}";
        }
        return $"{what}: not a mesh kind; it belongs to the cluster, apply it with kubectl (meshctl applies {string.Join(", ", All.Select(k => k.Kind))})";
    }

    /// <summary>The route of a document's apiVersion and kind.</summary>
    public static KindRoute? Of(string? apiVersion, string? kind) =>
        All.FirstOrDefault(k => k.Kind == kind && k.ApiVersion == apiVersion);
}
