namespace Mesh.Sriov.Domain;

/// The node's labels, which policies' `nodeSelector` match (AGENT-1).
public sealed record ReportNodeLabels(string Node, IReadOnlyDictionary<string, string> Labels);
