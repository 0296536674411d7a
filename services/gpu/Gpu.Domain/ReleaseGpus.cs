namespace Mesh.Gpu.Domain;

/// <summary>The pod went away: give its cards back (idempotent).</summary>
public sealed record ReleaseGpus(string Node, string PodUid);

/// <summary>NODE-1: the node left the cluster: every pod's cards go back (reason NodeRemoved) and the node is deregistered.</summary>
public sealed record RemoveGpuNode(string Node);

/// <summary>IPAM-11b: the node agent's live pods; cards of pods missing from enough reports past the grace period go back.</summary>
public sealed record ReportNodePods(string Node, IReadOnlySet<string> Live, DateTimeOffset Now, bool PodsKnown, Mesh.Contracts.Leaks.LeakPolicy Policy);

/// <summary>IPAM-11a: an operator confirms a withheld reclaim: every due pod's cards go back now.</summary>
public sealed record ConfirmNodeReclaim(string Node, DateTimeOffset Now, Mesh.Contracts.Leaks.LeakPolicy Policy);
