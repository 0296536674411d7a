namespace Mesh.Gpu.Domain;

/// <summary>
/// A node's answer to a demand: the cards it would give, or kube-scheduler style reasons why not.
/// <see cref="Load"/> is the share of the node's card memory already reserved, for scoring.
/// </summary>
public sealed record NodeFit(string Node, IReadOnlyList<AssignedDevice> Devices, IReadOnlyList<string> Reasons, double Load, int Pods)
{
    public bool Fits => Reasons.Count == 0;
}
