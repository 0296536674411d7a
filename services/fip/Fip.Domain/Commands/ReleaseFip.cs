namespace Mesh.Fip.Domain.Commands;

// FIP-7: refused while rules exist, unless Cascade.
public sealed record ReleaseFip(string Name, string Project, bool Cascade = false, bool Admin = false);
