namespace Mesh.Sriov.Domain;

/// What a policy check needs to know about one node: its labels and reported PFs.
public sealed record NodeInventory(
    string Node,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<SriovInterface> Interfaces);
