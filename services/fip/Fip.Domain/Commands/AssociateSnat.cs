using Mesh.Fip.Domain.Model;

namespace Mesh.Fip.Domain.Commands;

// FIP-3 snat (`OvnSnatRule`, annotation `ovn.kubernetes.io/snat`). Source is a pod address
// (resolved in Target) or a subnet CIDR (resolved in Subnet).
public sealed record AssociateSnat(
    string RuleId,
    string Fip,
    string Project,
    string Source,
    AllocatedTarget? Target = null,
    SubnetTarget? Subnet = null,
    bool Admin = false);
