namespace Mesh.Fip.Domain.Model;

// A whole subnet as the source of a snat rule (`OvnSnatRule.spec.vpcSubnet` / `v4IpCidr`), resolved
// by the handler from the VPC service.
public sealed record SubnetTarget(string Subnet, string Cidr, string Vpc, string? ExternalNetworkId, RuleScope Scope);
