namespace Mesh.Sriov.Domain;

/// One reported physical function (`SriovNetworkNodeState.status.interfaces[]`, SRIOV-1).
public sealed record SriovInterface(
    string Name,
    string PciAddress,
    string Vendor,
    string DeviceID,
    string? Driver = null,
    string? LinkType = null,
    int? Mtu = null,
    string? Mac = null,
    int Totalvfs = 0,
    int NumVfs = 0,
    IReadOnlyList<SriovVf>? Vfs = null)
{
    public IReadOnlyList<SriovVf> VfList => Vfs ?? [];
}
