using Mesh.Contracts;

namespace Mesh.Sriov.Domain;

/// SRIOV-1: a node agent's `SriovNetworkNodeState.status` report. Link types are upper-cased.
public static class NodeStateValidator
{
    public static (SriovNetworkNodeStateStatus? Status, MeshError? Error) Validate(SriovNetworkNodeStateStatus status)
    {
        if (status.SyncStatus is not { } sync || !SyncStatus.All.Contains(sync))
        {
            return (null, SriovErrors.NotOneOf("status.syncStatus", status.SyncStatus, SyncStatus.All));
        }
        var seen = new HashSet<string>();
        var interfaces = new List<SriovInterface>();
        foreach (var pf in status.Interfaces)
        {
            var error = Check(pf, seen);
            if (error is not null)
            {
                return (null, error);
            }
            interfaces.Add(pf with { LinkType = pf.LinkType?.ToUpperInvariant() });
        }
        return (status with { Interfaces = interfaces }, null);
    }

    private static MeshError? Check(SriovInterface pf, HashSet<string> seen)
    {
        const string at = "status.interfaces[]";
        if (string.IsNullOrEmpty(pf.Name))
        {
            return SriovErrors.Missing($"{at}.name");
        }
        if (!PciAddress.IsValid(pf.PciAddress))
        {
            return SriovErrors.Invalid($"{at}.pciAddress", pf.PciAddress, "is not a PCI address like 0000:61:00.0");
        }
        if (!seen.Add(pf.PciAddress))
        {
            return SriovErrors.Invalid($"{at}.pciAddress", pf.PciAddress, "is reported twice");
        }
        if (pf.LinkType is { } link && link.ToUpperInvariant() is not (DeviceTypes.LinkIb or DeviceTypes.LinkEth))
        {
            return SriovErrors.NotOneOf($"{at}.linkType", link, [DeviceTypes.LinkIb, DeviceTypes.LinkEth]);
        }
        if (pf.Totalvfs < 0 || pf.NumVfs < 0 || pf.NumVfs > pf.Totalvfs)
        {
            return SriovErrors.Invalid($"{at}.numVfs", pf.NumVfs.ToString(), $"must be between 0 and totalvfs {pf.Totalvfs}");
        }
        if (pf.VfList.Count > pf.NumVfs)
        {
            return SriovErrors.Invalid($"{at}.vfs", pf.VfList.Count.ToString(), $"lists more VFs than numVfs {pf.NumVfs}");
        }
        var vfSeen = new HashSet<string>();
        foreach (var vf in pf.VfList)
        {
            if (!PciAddress.IsValid(vf.PciAddress) || !vfSeen.Add(vf.PciAddress) || vf.PciAddress == pf.PciAddress)
            {
                return SriovErrors.Invalid($"{at}.vfs[].pciAddress", vf.PciAddress, "is not a distinct PCI address like 0000:61:00.1");
            }
            if (vf.VfID < 0)
            {
                return SriovErrors.Invalid($"{at}.vfs[].vfID", vf.VfID.ToString(), "must not be negative");
            }
            // The VF's MAC becomes its pod's MAC in the IPAM service, which takes only unicast Ethernet MACs.
            if (vf.Mac is { } mac && !IsUnicastMac(mac))
            {
                return SriovErrors.Invalid($"{at}.vfs[].mac", mac, "is not a unicast MAC address like 02:00:00:71:00:01");
            }
        }
        return null;
    }

    private static bool IsUnicastMac(string mac) =>
        mac.Split(':') is { Length: 6 } octets && octets.All(o => o.Length == 2 && o.All(char.IsAsciiHexDigit))
        && (System.Convert.ToByte(octets[0], 16) & 1) == 0;
}
