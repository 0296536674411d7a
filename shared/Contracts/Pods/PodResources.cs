using Mesh.Contracts.Fip;
using Mesh.Contracts.Gpu;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Sriov;

namespace Mesh.Contracts.Pods;

/// <summary>Everything the mesh gave one pod: its node, addresses, VFs, cards and NAT rules.</summary>
public sealed record PodResources(
    string PodUid,
    string Node,
    IReadOnlyList<IpAllocation> Addresses,
    PodVfAllocation? Vfs,
    GpuAssignment? Gpus,
    PodNatApplied? Nat);

/// <summary>
/// The pod was refused at <paramref name="Step"/> (ipam, sriov, gpu or fip) for <paramref name="Reason"/>;
/// what earlier steps had given was released again (<paramref name="Compensated"/>), so nothing is left allocated.
/// </summary>
public sealed record PodRefused(string PodUid, string Step, Rejected Reason, IReadOnlyList<string> Compensated);
