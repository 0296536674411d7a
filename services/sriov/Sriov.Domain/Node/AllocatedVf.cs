namespace Mesh.Sriov.Domain;

/// One VF given to a pod. When it backs a network, `Network`, `Interface` (net1, net2, ...) and
/// `Ipam` tell the host which range to ask the IPAM service for the VF's address (SRIOV-10).
public sealed record AllocatedVf(
    string ResourceName,
    string PfPciAddress,
    string PfName,
    string VfPciAddress,
    int VfID,
    string DeviceType,
    NetworkRef? Network = null,
    string? Interface = null,
    WhereaboutsIpam? Ipam = null)
{
    /// The range the IPAM service allocates the VF's address from, when the network has one.
    public string? IpamRange => Ipam?.Range;
}
