namespace Mesh.Fip.Domain.Model;

// An allocated floating IP (Kube-OVN `OvnEip`): owned by a project until released (FIP-2, FIP-7).
public sealed record FloatingIp(string Name, string Project, string Address, string IdempotencyKey);
