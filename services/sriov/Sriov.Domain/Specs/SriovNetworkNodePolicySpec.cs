namespace Mesh.Sriov.Domain;

/// `SriovNetworkNodePolicy.spec` (SRIOV-2). Null where the document may omit the field;
/// <see cref="PolicyValidator"/> returns a copy with the defaults filled in.
public sealed record SriovNetworkNodePolicySpec(
    string? ResourceName,
    IReadOnlyDictionary<string, string>? NodeSelector = null,
    int? Priority = null,
    int? Mtu = null,
    int? NumVfs = null,
    SriovNicSelector? NicSelector = null,
    string? DeviceType = null,
    bool? IsRdma = null,
    string? LinkType = null);
