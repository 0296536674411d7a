namespace Mesh.Sriov.Domain;

/// One reported virtual function of a PF (`status.interfaces[].vfs[]`, SRIOV-1).
public sealed record SriovVf(string PciAddress, int VfID, string? Driver = null, string? Mac = null);
