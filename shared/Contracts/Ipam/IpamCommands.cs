namespace Mesh.Contracts.Ipam;

// Commands the IPAM service takes on its queues (request/response) and over HTTP. A platform service
// in any language may send them as plain JSON (content type application/json).

/// <summary>
/// IPAM-3: an address (one per family) for one pod interface. Owned by (<c>PodUid</c>, <c>Interface</c>):
/// asking again returns the same allocation. The answer is <see cref="IpAllocation"/> or <see cref="Rejected"/>.
/// </summary>
public sealed record AllocateIp
{
    public required string Project { get; init; }
    public required string PodUid { get; init; }
    public required string PodNamespace { get; init; }
    public required string PodName { get; init; }
    public required string Node { get; init; }
    /// <summary><c>eth0</c> for the primary interface, <c>net1</c>... for secondary networks.</summary>
    public string Interface { get; init; } = "eth0";
    /// <summary><c>ovn</c>, or <c>&lt;nad&gt;.&lt;namespace&gt;.ovn</c> / an SR-IOV network's range for secondary interfaces.</summary>
    public string? Provider { get; init; }
    /// <summary>The subnet (the <c>ovn.kubernetes.io/logical_switch</c> annotation); chosen by namespace or VPC default when absent.</summary>
    public string? Subnet { get; init; }
    /// <summary>A static address request (<c>ovn.kubernetes.io/ip_address</c>): "v4", "v6" or "v4,v6".</summary>
    public string? IpAddress { get; init; }
    /// <summary>A requested MAC (<c>ovn.kubernetes.io/mac_address</c>).</summary>
    public string? MacAddress { get; init; }
    /// <summary>IPAM-10: e.g. the StatefulSet pod name; a new uid with the same key gets the old address back while it is free.</summary>
    public string? StickyKey { get; init; }
}

/// <summary>A granted allocation.</summary>
public sealed record IpAllocation(
    string PodUid,
    string Interface,
    string Subnet,
    string Vpc,
    string IpAddress,
    string MacAddress,
    string CidrBlock,
    string Gateway,
    string Node,
    long Generation);

/// <summary>IPAM-9: release a pod's addresses (every interface, or one). Releasing twice is not an error.</summary>
public sealed record ReleaseIp
{
    public required string Project { get; init; }
    public required string PodUid { get; init; }
    public string? Interface { get; init; }
    /// <summary><c>PodDeleted</c> (default), <c>Compensation</c>, ...</summary>
    public string Reason { get; init; } = "PodDeleted";
}

/// <summary>The answer to <see cref="ReleaseIp"/>: what was released now (empty when nothing was held).</summary>
public sealed record IpReleaseResult(string PodUid, IReadOnlyList<string> Released);

/// <summary>
/// IPAM-11: a node agent's list of the pods alive on its node. <paramref name="PodSource"/> says where the
/// list comes from (<c>kubelet</c>, <c>crictl</c>, <c>file</c>, <c>description</c>); <c>none</c> when the
/// agent cannot see its pods: then the list proves nothing and IPAM reclaims nothing on the node (IPAM-11a).
/// </summary>
public sealed record ReportLivePods(string Node, IReadOnlyList<string> PodUids, DateTimeOffset ObservedAt, string? PodSource = null)
{
    public const string NoPodSource = "none";

    /// <summary>Whether the list is the node's pods (a report without a source predates IPAM-11a and is taken as one).</summary>
    public bool PodsKnown => !string.Equals(PodSource, NoPodSource, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The answer to <see cref="ReportLivePods"/> (and to an operator's reclaim confirmation): how many of the
/// node's allocations are suspected or cleared, what was reclaimed, how many are due and how many of those
/// are withheld for an operator's confirmation (IPAM-11a), and why nothing was looked at, if so.
/// </summary>
public sealed record LeakReport(string Node, int Subnets, int Suspected, int Cleared, IReadOnlyList<string> Reclaimed,
    int Due = 0, int Withheld = 0, string? Note = null);
