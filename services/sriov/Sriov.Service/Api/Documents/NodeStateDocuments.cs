using System.Text.Json;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Api.Documents;

/// `SriovNetworkNodeState.spec` is the service's to write; an agent may send it back unchanged.
public sealed class NodeStateSpecDocument
{
    public string? DpConfigVersion { get; init; }
    public JsonElement? Interfaces { get; init; }
}

/// `SriovNetworkNodeState.status` as a node agent reports it (SRIOV-1).
public sealed class NodeStateStatusDocument
{
    public List<InterfaceDocument>? Interfaces { get; init; }
    public string? SyncStatus { get; init; }
    public string? LastSyncError { get; init; }

    /// SRIOV-5a: the generation of the desired configuration the agent applied (the reference agent sends it).
    public long? ObservedGeneration { get; init; }

    public SriovNetworkNodeStateStatus ToDomain() => new([.. (Interfaces ?? []).Select(i => i.ToDomain())], SyncStatus, ObservedGeneration);
}

public sealed class InterfaceDocument
{
    public string? Name { get; init; }
    public string? PciAddress { get; init; }
    public string? Vendor { get; init; }
    public string? DeviceID { get; init; }
    public string? Driver { get; init; }
    public string? LinkType { get; init; }
    public string? LinkSpeed { get; init; }
    public int? Mtu { get; init; }
    public string? Mac { get; init; }
    public int? Totalvfs { get; init; }
    public int? NumVfs { get; init; }
    public string? ESwitchMode { get; init; }
    public List<VfDocument>? Vfs { get; init; }

    public SriovInterface ToDomain() => new(Name ?? "", PciAddress ?? "", Vendor ?? "", DeviceID ?? "", Driver, LinkType, Mtu, Mac,
        Totalvfs ?? 0, NumVfs ?? Vfs?.Count ?? 0, Vfs?.Select(v => v.ToDomain()).ToList());
}

public sealed class VfDocument
{
    public string? PciAddress { get; init; }
    public int? VfID { get; init; }
    public string? Name { get; init; }
    public string? Driver { get; init; }
    public string? Mac { get; init; }
    public string? Vendor { get; init; }
    public string? DeviceID { get; init; }
    public int? Mtu { get; init; }
    public int? Vlan { get; init; }

    public SriovVf ToDomain() => new(PciAddress ?? "", VfID ?? -1, Driver, Mac);
}
