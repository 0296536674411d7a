namespace Mesh.Sriov.Domain;

public sealed record DeleteNetwork(SriovNetworkKind Kind, string Namespace, string Name);
