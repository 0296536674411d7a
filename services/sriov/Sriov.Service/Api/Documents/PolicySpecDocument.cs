using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Api.Documents;

/// `SriovNetworkNodePolicy.spec` as users write it (unknown fields refused by the binder).
public sealed class PolicySpecDocument
{
    public string? ResourceName { get; init; }
    public Dictionary<string, string>? NodeSelector { get; init; }
    public int? Priority { get; init; }
    public int? Mtu { get; init; }
    public int? NumVfs { get; init; }
    public NicSelectorDocument? NicSelector { get; init; }
    public string? DeviceType { get; init; }
    public bool? IsRdma { get; init; }
    public string? LinkType { get; init; }

    public SriovNetworkNodePolicySpec ToDomain() => new(ResourceName, NodeSelector, Priority, Mtu, NumVfs,
        NicSelector is { } n ? new SriovNicSelector(n.Vendor, n.DeviceID, n.PfNames, n.RootDevices) : null,
        DeviceType, IsRdma, LinkType);

    public static PolicySpecDocument From(SriovNetworkNodePolicySpec s) => new()
    {
        ResourceName = s.ResourceName,
        NodeSelector = s.NodeSelector?.ToDictionary(),
        Priority = s.Priority,
        Mtu = s.Mtu,
        NumVfs = s.NumVfs,
        NicSelector = s.NicSelector is { } n
            ? new NicSelectorDocument { Vendor = n.Vendor, DeviceID = n.DeviceID, PfNames = n.PfNames?.ToList(), RootDevices = n.RootDevices?.ToList() }
            : null,
        DeviceType = s.DeviceType,
        IsRdma = s.IsRdma,
        LinkType = s.LinkType,
    };
}

public sealed class NicSelectorDocument
{
    public string? Vendor { get; init; }
    public string? DeviceID { get; init; }
    public List<string>? PfNames { get; init; }
    public List<string>? RootDevices { get; init; }
}
