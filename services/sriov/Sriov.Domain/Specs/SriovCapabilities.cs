namespace Mesh.Sriov.Domain;

/// `capabilities`: `{ "ips": true }` and/or `{ "mac": true }` (SRIOV-6).
public sealed record SriovCapabilities(bool? Ips = null, bool? Mac = null);
