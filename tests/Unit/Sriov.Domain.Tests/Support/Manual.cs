using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

/// The values of the seed manual, section 5.1.3-5.1.6.
public sealed record Scenario(string Title, string LinkType, string DeviceType, bool IsRdma, string Runtime, SriovNetworkKind Kind, string Network)
{
    public override string ToString() => Title;
}

internal static class Manual
{
    public const string Node = "node-10";
    public const string Ns = "eks-managed";
    public const string Pf = "0000:71:00.0";
    public const string Resource = "mlxnics";
    public const string Qualified = "ecnf.io/mlxnics";

    // The IB examples' ipam block, verbatim: the opening brace is missing in the manual.
    public const string IbIpamText = "\"type\": \"whereabouts\",\n\"range\": \"192.168.100.0/24\",\n\"gateway\": \"192.168.100.1\",\n\"exclude\": [\n  \"192.168.100.0/26\"\n]\n}";

    public static readonly Scenario RuncIb = new("runc+IB (5.1.3)", "IB", "netdevice", true, "runc", SriovNetworkKind.SriovIBNetwork, "ibnics");
    public static readonly Scenario RuncEth = new("runc+ETH (5.1.4)", "ETH", "netdevice", false, "runc", SriovNetworkKind.SriovNetwork, "nics");
    public static readonly Scenario RuneIb = new("rune+IB (5.1.5)", "IB", "vfio-pci", false, "rune", SriovNetworkKind.SriovIBNetwork, "ibnics");
    public static readonly Scenario RuneEth = new("rune+ETH (5.1.6)", "ETH", "vfio-pci", false, "rune", SriovNetworkKind.SriovNetwork, "nics");

    public static TheoryData<Scenario> All => new() { RuncIb, RuncEth, RuneIb, RuneEth };

    public static readonly IReadOnlyDictionary<string, string> Labels =
        new Dictionary<string, string> { ["kubernetes.io/hostname"] = Node };

    public static SriovNetworkNodePolicy Policy(Scenario s, string name = "node-policy-10", int? priority = 50, int numVfs = 3) =>
        new(name, Ns, new SriovNetworkNodePolicySpec(
            ResourceName: Resource,
            NodeSelector: new Dictionary<string, string> { ["kubernetes.io/hostname"] = Node },
            Priority: priority,
            NumVfs: numVfs,
            NicSelector: new SriovNicSelector(Vendor: "15b3", DeviceID: "1017", RootDevices: [Pf]),
            DeviceType: s.DeviceType,
            IsRdma: s.IsRdma,
            LinkType: s.LinkType));

    public static SriovNetworkNodePolicy Valid(SriovNetworkNodePolicy policy) =>
        PolicyValidator.Validate(policy, SriovSettings.Default).Policy!;

    public static WhereaboutsIpam Ipam => IpamText.Parse(IbIpamText).Ipam!;

    public static SriovNetworkResource Network(Scenario s) =>
        new(s.Kind, s.Network, Ns, new SriovNetworkSpec(
            ResourceName: Resource,
            LinkState: s.Kind == SriovNetworkKind.SriovIBNetwork ? "auto" : null,
            Ipam: Ipam));

    public static SriovNetworkResource ValidNetwork(SriovNetworkResource n) => n with
    {
        Spec = n.Spec with { Vlan = n.Spec.Vlan ?? 0, VlanQoS = n.Spec.VlanQoS ?? 0 },
    };

    public static SriovInterface PfReport(string linkType = "IB", int numVfs = 3, int totalvfs = 3, string pci = Pf, string name = "ib0",
        string vfDriver = "mlx5_core") =>
        new(name, pci, "15b3", "1017", "mlx5_core", linkType, 2048, "e4:1d:2d:03:00:67:68:fa", totalvfs, numVfs,
            Enumerable.Range(0, numVfs).Select(i => new SriovVf($"{pci[..^1]}{i + 1}", i, vfDriver)).ToList());

    public static AllocateVfs Pod(Scenario s, string uid, string? name = null, string ns = Ns, int count = 1)
    {
        var annotations = new Dictionary<string, string> { ["k8s.v1.cni.cncf.io/networks"] = $"{Ns}/{s.Network}" };
        if (s.Runtime == "rune")
        {
            annotations["io.katacontainers.config.runtime.enable_sriov"] = "true";
        }
        return new AllocateVfs(Node, uid, ns, name ?? $"sriov-{s.Runtime}-pod-demo",
            s.Runtime == "rune" ? "rune" : null, annotations, new Dictionary<string, int> { [Qualified] = count });
    }
}
