using System.Text.RegularExpressions;

namespace Mesh.Sriov.Domain;

/// PCI addresses in the `0000:61:00.0` form the node state and `rootDevices` use.
public static partial class PciAddress
{
    [GeneratedRegex("^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]$")]
    private static partial Regex Form();

    public static bool IsValid(string? value) => value is not null && Form().IsMatch(value);
}
