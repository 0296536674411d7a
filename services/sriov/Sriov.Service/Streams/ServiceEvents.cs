using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Streams;

// Events of a node stream that the host adds to the domain's: the addresses the IPAM service gave a
// pod's VFs. Stored type names in SriovTypes; they never change.

/// The address of one VF (null fields when its network has no range).
public sealed record VfAddress(string VfPciAddress, string? IpAddress, string? CidrBlock, string? Gateway, string? MacAddress);

/// A pod's VFs with their addresses: what the node agent gets (SRIOV-10).
public sealed record PodVfsReady(
    string Node, string PodUid, string PodNamespace, string PodName, string Runtime,
    IReadOnlyList<AllocatedVf> Vfs, IReadOnlyList<VfAddress> Addresses);

/// A pod's VFs went back, with the addresses they had.
public sealed record PodVfsReleased(
    string Node, string PodUid, string PodNamespace, string PodName,
    IReadOnlyList<AllocatedVf> Vfs, IReadOnlyList<VfAddress> Addresses, string Reason);
