using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Streams;

/// The domain's AllocateVfs with the cluster configuration it is decided against (read just before).
public sealed record AllocateWithConfig(AllocateVfs Command, SriovConfig Config);

/// IPAM-11b: the node agent's live pods (the same report IPAM reclaims addresses from).
public sealed record ReportNodePods(IReadOnlySet<string> Live, DateTimeOffset Now, bool PodsKnown, Mesh.Contracts.Leaks.LeakPolicy Policy);

/// IPAM-11a: an operator confirms a withheld reclaim: every due pod's VFs go back now.
public sealed record ConfirmNodeReclaim(DateTimeOffset Now, Mesh.Contracts.Leaks.LeakPolicy Policy);

/// NODE-1: the node left the cluster: every pod's VFs go back with reason NodeRemoved.
public sealed record RemoveNodeVfs(DateTimeOffset Now);

/// Record the addresses of a pod's VFs once the IPAM service gave them.
public sealed record RecordVfAddresses(string PodUid, IReadOnlyList<VfAddress> Addresses);
