namespace Mesh.Sriov.Domain;

/// `SriovNetworkNodePolicy.spec.nicSelector` (SRIOV-3).
public sealed record SriovNicSelector(
    string? Vendor = null,
    string? DeviceID = null,
    IReadOnlyList<string>? PfNames = null,
    IReadOnlyList<string>? RootDevices = null)
{
    public IReadOnlyList<string> PfNameList => PfNames ?? [];

    public IReadOnlyList<string> RootDeviceList => RootDevices ?? [];
}
