namespace Mesh.Sriov.Domain;

public sealed record DeletePolicy(string Name);
