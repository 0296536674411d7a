namespace Mesh.Sriov.Domain;

/// `deviceType` and `linkType` values of a policy (SRIOV-2).
public static class DeviceTypes
{
    public const string Netdevice = "netdevice";
    public const string VfioPci = "vfio-pci";
    public const string LinkIb = "IB";
    public const string LinkEth = "ETH";
    public const string VendorIntel = "8086";
    public const string VendorMellanox = "15b3";
}
