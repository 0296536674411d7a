namespace Mesh.Sriov.Domain;

/// `SriovNetwork.spec` / `SriovIBNetwork.spec` (SRIOV-6). Null where the document may omit it.
public sealed record SriovNetworkSpec(
    string? ResourceName,
    string? NetworkNamespace = null,
    int? Vlan = null,
    int? VlanQoS = null,
    OnOff? SpoofChk = null,
    OnOff? Trust = null,
    string? LinkState = null,
    int? MaxTxRate = null,
    int? MinTxRate = null,
    SriovCapabilities? Capabilities = null,
    WhereaboutsIpam? Ipam = null);
