namespace Mesh.Sriov.Domain;

/// Create or change a `SriovNetworkNodePolicy` (SRIOV-2, 2a, 3).
public sealed record ApplyPolicy(SriovNetworkNodePolicy Policy);
