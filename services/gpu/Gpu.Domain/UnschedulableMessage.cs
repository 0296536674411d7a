namespace Mesh.Gpu.Domain;

/// <summary>Formats per-node failure reasons the way kube-scheduler's FitError does.</summary>
public static class UnschedulableMessage
{
    public const string UntoleratedTaintFormat = "node(s) had untolerated taint {{{0}: {1}}}";
    public const string NodeAffinityMismatch = "node(s) didn't match Pod's node affinity/selector";

    public static string UntoleratedTaint(Taint taint) => string.Format(UntoleratedTaintFormat, taint.Key, taint.Value);

    /// <summary>
    /// One reason per failing (node, reason); counted, rendered "count reason" and sorted ordinally as kube-scheduler
    /// does: <c>0/3 nodes are available: 1 node(s) had untolerated taint {accelerator: true}, 2 insufficient nvidia.com/gpu.</c>
    /// </summary>
    public static string Format(int nodes, IEnumerable<string> reasons)
    {
        var histogram = reasons
            .GroupBy(r => r, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}")
            .Order(StringComparer.Ordinal)
            .ToList();
        return histogram.Count == 0
            ? $"0/{nodes} nodes are available: no GPU node is registered."
            : $"0/{nodes} nodes are available: {string.Join(", ", histogram)}.";
    }
}
