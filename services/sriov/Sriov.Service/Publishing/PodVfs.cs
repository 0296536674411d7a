using Mesh.Contracts.Sriov;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Streams;

namespace Mesh.Sriov.Service.Publishing;

/// Domain VFs and their addresses in the contract shape.
public static class PodVfs
{
    public static IReadOnlyList<PodVf> Of(IReadOnlyList<AllocatedVf> vfs, IReadOnlyList<VfAddress> addresses) =>
        [.. vfs.Select(vf =>
        {
            var a = addresses.FirstOrDefault(x => x.VfPciAddress == vf.VfPciAddress);
            return new PodVf(vf.ResourceName, vf.VfPciAddress, vf.VfID, vf.PfPciAddress, vf.PfName, vf.DeviceType,
                vf.Network?.ToString(), vf.Interface, a?.IpAddress, a?.CidrBlock, a?.Gateway, a?.MacAddress);
        })];

    public static SriovPfConfiguration Pf(DesiredPfConfig p) => new(
        p.PciAddress, p.PfName, p.Vendor, p.DeviceID, p.ResourceName, p.NumVfs, p.Mtu, p.DeviceType, p.IsRdma, p.LinkType, p.Policy, p.Priority);
}
