namespace Mesh.Contracts.Nodes;

/// <summary>
/// NODE-1: a node left the cluster (an operator's meshctl delete node, or its agent's deregistration). Published
/// once; IPAM, SR-IOV and GPU each release what the node's pods held there with reason <see cref="Reason"/>.
/// </summary>
public sealed record NodeRemoved(string Node, DateTimeOffset At, string? By = null)
{
    public const string Reason = ReleaseReason.NodeRemoved;
}
