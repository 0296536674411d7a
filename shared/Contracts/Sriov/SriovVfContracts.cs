namespace Mesh.Contracts.Sriov;

// SRIOV-8..10: VFs per pod. Commands are request/response on the bus (and HTTP
// POST/DELETE /api/v1/vf-allocations); the pod UID is the idempotency key (COMMON-2).

/// <summary>
/// A pod's VFs: one per requested <c>ecnf.io/&lt;resourceName&gt;</c> unit, attached to the networks of its
/// <c>k8s.v1.cni.cncf.io/networks</c> annotation. The answer is <see cref="PodVfAllocation"/> or <see cref="Rejected"/>.
/// </summary>
public sealed record AllocatePodVfs
{
    public required string Project { get; init; }
    public required string PodUid { get; init; }
    public required string PodNamespace { get; init; }
    public required string PodName { get; init; }
    public required string Node { get; init; }
    /// <summary><c>rune</c> for the secure runtime (Kata); absent or <c>runc</c> otherwise.</summary>
    public string? RuntimeClassName { get; init; }
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
    /// <summary>Resource requests, e.g. <c>ecnf.io/mlxnics: 1</c>.</summary>
    public IReadOnlyDictionary<string, int> Requests { get; init; } = new Dictionary<string, int>();
}

/// <summary>One VF given to a pod, with its address from the IPAM service when its network has a range.</summary>
public sealed record PodVf(
    string ResourceName,
    string VfPciAddress,
    int VfId,
    string PfPciAddress,
    string PfName,
    string DeviceType,
    string? Network,
    string? Interface,
    string? IpAddress,
    string? CidrBlock,
    string? Gateway,
    string? MacAddress);

/// <summary>The answer to <see cref="AllocatePodVfs"/> (also the answer to a repeat of it).</summary>
public sealed record PodVfAllocation(string Node, string PodUid, string PodNamespace, string PodName, string Runtime, IReadOnlyList<PodVf> Vfs);

/// <summary>Release a pod's VFs and their addresses. Releasing twice is not an error.</summary>
public sealed record ReleasePodVfs
{
    public required string Project { get; init; }
    public required string PodUid { get; init; }
    /// <summary><c>PodDeleted</c> (default), <c>Compensation</c>, ...</summary>
    public string Reason { get; init; } = "PodDeleted";
}

/// <summary>The answer to <see cref="ReleasePodVfs"/>: what was released now (empty when nothing was held).</summary>
public sealed record PodVfRelease(string PodUid, string? Node, IReadOnlyList<PodVf> Released);

/// <summary>VFs were given to a pod (node-scoped: the node agent moves them into the pod).</summary>
public sealed record SriovVfsAllocated(
    string Node, string PodUid, string PodNamespace, string PodName, string Runtime, IReadOnlyList<PodVf> Vfs) : INodeScoped;

/// <summary>A pod's VFs were released (node-scoped).</summary>
public sealed record SriovVfsReleased(
    string Node, string PodUid, string PodNamespace, string PodName, IReadOnlyList<PodVf> Vfs, string Reason) : INodeScoped;
