namespace Mesh.Contracts.Fip;

/// <summary>
/// The pod path (seeds: <c>ovn.kubernetes.io/snat: &lt;addr&gt;</c> for the SNAT egress of a pod,
/// <c>ovn.kubernetes.io/eip: &lt;addr&gt;</c> for the 1:1 EIP of a VM or pod). The floating IP with that
/// address is used (allocated to <c>Project</c> first when it is free in its pool). Rule ids derive from
/// <c>PodUid</c>, so asking again changes nothing. The answer is <see cref="PodNatApplied"/>.
/// </summary>
public sealed record ApplyPodNat
{
    public required string Project { get; init; }
    public required string PodUid { get; init; }
    public required string PodNamespace { get; init; }
    public required string PodName { get; init; }
    /// <summary>The pod's allocated address (IPAM's <c>IpAllocation.IpAddress</c>; the IPv4 one is used).</summary>
    public required string IpAddress { get; init; }
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}

/// <summary>The rules the pod has now (none when it carries neither annotation).</summary>
public sealed record PodNatApplied(string PodUid, IReadOnlyList<FipRule> Rules);

/// <summary>The pod went: its rules are removed and the floating IPs the pod path allocated are released.
/// Releasing twice is not an error. The answer is <see cref="PodNatReleased"/>.</summary>
public sealed record ReleasePodNat
{
    public required string Project { get; init; }
    public required string PodUid { get; init; }
}

/// <summary>What the release removed.</summary>
public sealed record PodNatReleased(string PodUid, IReadOnlyList<string> RemovedRules, IReadOnlyList<string> ReleasedFips);
