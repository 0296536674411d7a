using Mesh.Contracts;

namespace Mesh.Ipam.Domain.Choosing;

/// <summary>
/// IPAM-3: explicit subnet (logical_switch annotation) &gt; subnet bound to the pod's namespace &gt;
/// the default subnet of the VPC serving the namespace (ovn-default of ovn-cluster otherwise).
/// </summary>
public static class SubnetChooser
{
    public const string PrimaryProvider = "ovn";

    /// <summary>Kube-OVN's annotation: ovn.kubernetes.io/logical_switch, or &lt;provider&gt;.kubernetes.io/... for a NAD.</summary>
    public static string LogicalSwitchAnnotation(string provider) =>
        $"{(string.IsNullOrEmpty(provider) ? PrimaryProvider : provider)}.kubernetes.io/logical_switch";

    public static MeshError? TryChoose(
        SubnetDirectory directory,
        string podNamespace,
        IReadOnlyDictionary<string, string>? annotations,
        out SubnetChoice? choice,
        string provider = PrimaryProvider)
    {
        var error = TryChooseInOrder(directory, podNamespace, annotations, out var choices, provider);
        choice = choices.FirstOrDefault();
        return error;
    }

    /// <summary>
    /// IPAM-6a: every subnet the pod may take an address from, in the order to try them: the named one alone;
    /// else every subnet bound to the namespace, by name; else the VPC's default subnet, then its other
    /// subnets bound to no namespace, by name. The caller moves on to the next only when one is full.
    /// </summary>
    public static MeshError? TryChooseInOrder(
        SubnetDirectory directory,
        string podNamespace,
        IReadOnlyDictionary<string, string>? annotations,
        out IReadOnlyList<SubnetChoice> choices,
        string provider = PrimaryProvider)
    {
        var error = TryChooseFirst(directory, podNamespace, annotations, out var first, provider);
        if (first is null)
        {
            choices = [];
            return error;
        }
        var candidates = directory.Subnets.Where(s => s.Provider == provider && s.Name != first.Subnet).OrderBy(s => s.Name, StringComparer.Ordinal);
        var vpc = directory.Find(first.Subnet)?.Vpc;
        IEnumerable<SubnetChoice> more = first.Source switch
        {
            SubnetChoiceSource.Namespace => candidates.Where(s => s.BoundTo(podNamespace)).Select(s => new SubnetChoice(s.Name, SubnetChoiceSource.Namespace)),
            SubnetChoiceSource.VpcDefault => candidates.Where(s => s.Vpc == vpc && s.Namespaces is not { Count: > 0 })
                .Select(s => new SubnetChoice(s.Name, SubnetChoiceSource.VpcSpillOver)),
            _ => [],
        };
        choices = [first, .. more];
        return null;
    }

    private static MeshError? TryChooseFirst(
        SubnetDirectory directory,
        string podNamespace,
        IReadOnlyDictionary<string, string>? annotations,
        out SubnetChoice? choice,
        string provider)
    {
        choice = null;
        var key = LogicalSwitchAnnotation(provider);
        if (annotations is not null && annotations.TryGetValue(key, out var name) && !string.IsNullOrWhiteSpace(name))
        {
            if (directory.Find(name) is not { } named)
            {
                return IpamErrors.SubnetNotFound(key, name);
            }
            if (named.Provider != provider)
            {
                return IpamErrors.ProviderMismatch(named.Name, named.Provider, provider);
            }
            choice = new SubnetChoice(named.Name, SubnetChoiceSource.Annotation);
            return null;
        }
        var candidates = directory.Subnets.Where(s => s.Provider == provider)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (candidates.FirstOrDefault(s => s.BoundTo(podNamespace)) is { } bound)
        {
            choice = new SubnetChoice(bound.Name, SubnetChoiceSource.Namespace);
            return null;
        }
        if (provider != PrimaryProvider)
        {
            // A secondary network is defined by its provider: its NAD's subnet is the only sensible one.
            if (candidates.FirstOrDefault() is not { } byProvider)
            {
                return IpamErrors.SubnetNotFound("provider", provider);
            }
            choice = new SubnetChoice(byProvider.Name, SubnetChoiceSource.Provider);
            return null;
        }
        var vpc = directory.Vpcs.FirstOrDefault(v => v.Serves(podNamespace))
            ?? directory.Vpcs.FirstOrDefault(v => v.Name == directory.DefaultVpc);
        if (vpc is null || directory.Find(vpc.DefaultSubnet) is not { } fallback)
        {
            return IpamErrors.SubnetNotFound("defaultSubnet", vpc?.DefaultSubnet ?? directory.DefaultVpc);
        }
        choice = new SubnetChoice(fallback.Name, SubnetChoiceSource.VpcDefault);
        return null;
    }
}
