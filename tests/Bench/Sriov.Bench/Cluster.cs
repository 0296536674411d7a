using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Bench;

/// <summary>
/// Simulated SR-IOV nodes as the service holds them after the agent applied a policy: ConnectX-5 PFs
/// (15b3/1017, netdevice, ETH) with their VFs created, one policy over every node and one network.
/// </summary>
public static class Cluster
{
    public const string Namespace = "bench";
    public const string Resource = "benchnics";
    public const string Network = "bench-net";
    private const string Capable = "feature.node.kubernetes.io/network-sriov.capable";

    public static readonly SriovSettings Settings = SriovSettings.Default;

    public static SriovNetworkNodePolicy Policy(int numVfs, int pfs) =>
        PolicyValidator.Validate(new SriovNetworkNodePolicy("bench-policy", Namespace, new SriovNetworkNodePolicySpec(
            ResourceName: Resource,
            NodeSelector: new Dictionary<string, string> { [Capable] = "true" },
            Priority: 10,
            NumVfs: numVfs,
            NicSelector: new SriovNicSelector(Vendor: "15b3", DeviceID: "1017", RootDevices: [.. Enumerable.Range(0, pfs).Select(Pf)]),
            DeviceType: DeviceTypes.Netdevice,
            IsRdma: false,
            LinkType: "ETH")), Settings).Policy!;

    public static SriovConfig Config(SriovNetworkNodePolicy policy) => SriovConfig.Create(
    [
        new PolicyApplied(policy),
        new NetworkApplied(new SriovNetworkResource(SriovNetworkKind.SriovNetwork, Network, Namespace,
            new SriovNetworkSpec(Resource, Vlan: 0, VlanQoS: 0))),
    ]);

    /// <summary>The events of a node whose agent reported its PFs, was given the policy's configuration and applied it.</summary>
    public static object[] ReadyNodeEvents(string node, SriovNetworkNodePolicy policy, int pfs, int numVfs)
    {
        var labels = new Dictionary<string, string> { [Capable] = "true", ["kubernetes.io/hostname"] = node };
        var bare = Enumerable.Range(0, pfs).Select(p => PfReport(p, 0, numVfs)).ToList();
        var desired = PolicyPlanner.Plan(new NodeInventory(node, labels, bare), [policy]).Values.ToList();
        return
        [
            new NodeLabelsReported(node, labels),
            new NodeStateReported(node, bare, SyncStatus.Succeeded),
            new NodeConfigurationDesired(node, desired, [.. desired.Select(d => d.PciAddress)], [], "bench"),
            new NodeStateReported(node, [.. Enumerable.Range(0, pfs).Select(p => PfReport(p, numVfs, numVfs))], SyncStatus.Succeeded),
        ];
    }

    public static AllocateVfs Pod(string node, int i) => new(node, $"pod-{i}", Namespace, $"pod-{i}", null,
        new Dictionary<string, string> { ["k8s.v1.cni.cncf.io/networks"] = $"{Namespace}/{Network}" },
        new Dictionary<string, int> { [Settings.Qualified(Resource)] = 1 });

    /// <summary>VFs held by more than one pod on <paramref name="node"/>, counted from its allocations.</summary>
    public static int DoubleAllocations(SriovNode node) =>
        node.Allocations.Values.SelectMany(a => a.Vfs).GroupBy(v => v.VfPciAddress).Count(g => g.Count() > 1);

    private static string Pf(int p) => $"0000:{0x71 + p / 2:x2}:00.{p % 2}";

    private static SriovInterface PfReport(int p, int numVfs, int totalVfs)
    {
        var pci = Pf(p);
        return new SriovInterface($"ens{p}f{p % 2}", pci, "15b3", "1017", "mlx5_core", "ETH", 1500, $"e4:1d:2d:03:00:{p:x2}", totalVfs, numVfs,
            [.. Enumerable.Range(0, numVfs).Select(v => new SriovVf($"0000:{0x81 + p:x2}:{v / 8:x2}.{v % 8}", v, "mlx5_core"))]);
    }
}
