using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Streams;

/// The domain's AllocateVfs with the cluster configuration it is decided against (read just before).
public sealed record AllocateWithConfig(AllocateVfs Command, SriovConfig Config);

/// Record the addresses of a pod's VFs once the IPAM service gave them.
public sealed record RecordVfAddresses(string PodUid, IReadOnlyList<VfAddress> Addresses);
