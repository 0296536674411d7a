namespace Mesh.Fip.Domain.Model;

// Where a rule is programmed: the VPC's gateway node, or its NAT gateway when it has one (RT-5).
// Carried on every rule event so that the NAT programmer can rebuild its rules from history.
public sealed record RuleScope(string GatewayNode, string? NatGateway = null)
{
    public string Target => NatGateway is null ? $"node/{GatewayNode}" : $"vpc-nat-gateway/{NatGateway}";
}
