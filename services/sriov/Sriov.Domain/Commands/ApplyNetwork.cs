namespace Mesh.Sriov.Domain;

/// Create or change a `SriovNetwork` / `SriovIBNetwork` (SRIOV-6, SRIOV-7).
public sealed record ApplyNetwork(SriovNetworkResource Network);
