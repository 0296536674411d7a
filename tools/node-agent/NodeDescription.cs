namespace Mesh.NodeAgent;

/// <summary>What a node has: read from a YAML description, or discovered from the host.</summary>
public sealed record NodeDescription
{
    public string Node { get; init; } = "";
    public string Arch { get; init; } = "amd64";
    public Dictionary<string, string> Labels { get; init; } = [];
    public List<NodeTaint> Taints { get; init; } = [];
    public List<SriovPf> Sriov { get; init; } = [];
    public List<GpuCard> Gpus { get; init; } = [];
    /// <summary>
    /// Uids of the pods alive on the node (IPAM-11 leak reclaim), when the description lists them; null when
    /// it does not (discovery never knows them: use --pod-source).
    /// </summary>
    public List<string>? Pods { get; init; }
}

public sealed record NodeTaint(string Key, string? Value, string Effect);

public sealed record SriovPf
{
    public string Name { get; init; } = "";
    public string PciAddress { get; init; } = "";
    public string Vendor { get; init; } = "";
    public string DeviceID { get; init; } = "";
    public string Driver { get; init; } = "";
    public string LinkType { get; init; } = "ETH";
    public int Mtu { get; init; } = 1500;
    public string? Mac { get; init; }
    public int Totalvfs { get; init; }
    public int NumVfs { get; init; }
    public List<SriovVf> Vfs { get; init; } = [];
}

public sealed record SriovVf(string PciAddress, int VfID, string Driver, string? Mac);

public sealed record GpuCard(int Index, string Uuid, string Vendor, string Model, int MemoryMiB, bool Healthy = true);
