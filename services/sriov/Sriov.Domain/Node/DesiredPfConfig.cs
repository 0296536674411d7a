namespace Mesh.Sriov.Domain;

/// The configuration one PF should have: what the winning policy (lowest priority number,
/// then name) says for it (SRIOV-4).
public sealed record DesiredPfConfig(
    string PciAddress,
    string PfName,
    string Vendor,
    string DeviceID,
    string ResourceName,
    int NumVfs,
    int? Mtu,
    string DeviceType,
    bool IsRdma,
    string? LinkType,
    string Policy,
    int Priority);
