namespace Mesh.Sriov.Domain;

/// Configuration the rules read (SRIOV-3): the NIC table is configuration, not code, because the
/// seeds' tables allow 158b/1015/1017 while their own examples show a `1013` (ConnectX-4) card.
public sealed record SriovSettings(
    IReadOnlyList<string> Vendors,
    IReadOnlyList<string> DeviceIds,
    int MellanoxMaxVfs = 128,
    string ResourcePrefix = "ecnf.io")
{
    public static SriovSettings Default { get; } = new(
        [DeviceTypes.VendorIntel, DeviceTypes.VendorMellanox],
        ["158b", "1015", "1017"]);

    /// `ecnf.io/mlxnics` for resource `mlxnics`.
    public string Qualified(string resourceName) => $"{ResourcePrefix}/{resourceName}";
}
