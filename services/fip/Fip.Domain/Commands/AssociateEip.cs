using Mesh.Fip.Domain.Model;

namespace Mesh.Fip.Domain.Commands;

// FIP-3 eip (`OvnFip`, annotation `ovn.kubernetes.io/eip`). Target is what IPAM knows of
// InternalIp, or null when it has not allocated it.
public sealed record AssociateEip(
    string RuleId,
    string Fip,
    string Project,
    string InternalIp,
    AllocatedTarget? Target,
    bool Admin = false);
