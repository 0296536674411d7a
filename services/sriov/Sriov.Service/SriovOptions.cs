using System.Text.RegularExpressions;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service;

/// Section `Mesh:Sriov`: the supported NIC table (SRIOV-3) and the IPAM request timeout.
public sealed partial class SriovOptions
{
    public const string Section = "Mesh:Sriov";

    /// `nicSelector.vendor` values accepted; the operator's are 8086 and 15b3.
    public string[]? Vendors { get; set; }

    /// `nicSelector.deviceID` values accepted; the seed's table has 158b, 1015, 1017 (its examples also show 1013).
    public string[]? DeviceIds { get; set; }

    public int MellanoxMaxVfs { get; set; } = 128;

    public string ResourcePrefix { get; set; } = "ecnf.io";

    public int IpamTimeoutSeconds { get; set; } = 10;

    [GeneratedRegex("^[0-9a-f]{4}$")]
    private static partial Regex Hex4();

    public SriovSettings ToSettings() => new(
        Vendors is { Length: > 0 } v ? v : SriovSettings.Default.Vendors,
        DeviceIds is { Length: > 0 } d ? d : SriovSettings.Default.DeviceIds,
        MellanoxMaxVfs, ResourcePrefix);

    /// Null when valid, else what is wrong (the service refuses to start).
    public string? Problem()
    {
        var settings = ToSettings();
        if (settings.Vendors.Concat(settings.DeviceIds).FirstOrDefault(x => !Hex4().IsMatch(x)) is { } bad)
        {
            return $"Mesh:Sriov: '{bad}' is not a 4-digit lowercase hex vendor or device id";
        }
        if (MellanoxMaxVfs is < 1 or > 128)
        {
            return $"Mesh:Sriov:MellanoxMaxVfs {MellanoxMaxVfs} must be between 1 and 128";
        }
        if (string.IsNullOrWhiteSpace(ResourcePrefix) || ResourcePrefix.Contains('/'))
        {
            return $"Mesh:Sriov:ResourcePrefix '{ResourcePrefix}' must be a domain such as ecnf.io";
        }
        return IpamTimeoutSeconds < 1 ? "Mesh:Sriov:IpamTimeoutSeconds must be at least 1" : null;
    }
}
