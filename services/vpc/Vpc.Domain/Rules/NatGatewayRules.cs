using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

// RT-5: one VpcNatGateway per VPC; lanIp inside its subnet (IPAM reserves it and checks it is free).
internal static class NatGatewayRules
{
    public static Decision Apply(Topology state, ApplyNatGateway c)
    {
        if (DnsName.Check(c.Name) is { } nameError)
        {
            return nameError;
        }
        var spec = c.Spec;
        foreach (var (value, field) in new[] { (spec.Vpc, "spec.vpc"), (spec.Subnet, "spec.subnet"), (spec.LanIp, "spec.lanIp") })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return TopologyErrors.Missing(field, $"{field} is required");
            }
        }
        var vpc = spec.Vpc!.Trim();
        var subnetName = spec.Subnet!.Trim();
        if (!IpAddress.TryParse(spec.LanIp, out var lanIp))
        {
            return TopologyErrors.Invalid("spec.lanIp", spec.LanIp, $"spec.lanIp '{spec.LanIp}' is not an IP address");
        }
        var existing = state.NatGateways.GetValueOrDefault(c.Name);
        if (existing is not null)
        {
            foreach (var (stored, requested, field) in new[] { (existing.Vpc, vpc, "spec.vpc"), (existing.Subnet, subnetName, "spec.subnet"), (existing.LanIp, lanIp.ToString(), "spec.lanIp") })
            {
                if (stored != requested)
                {
                    return TopologyErrors.Immutable(field, stored, requested);
                }
            }
        }
        if (!state.Vpcs.ContainsKey(vpc))
        {
            return TopologyErrors.VpcNotFound("spec.vpc", vpc, state.Vpcs.Keys);
        }
        if (!state.Subnets.TryGetValue(subnetName, out var subnet))
        {
            return TopologyErrors.SubnetNotFound("spec.subnet", subnetName, state.Subnets.Keys);
        }
        if (subnet.Deleting)
        {
            return TopologyErrors.SubnetBeingDeleted(subnetName);
        }
        if (subnet.Vpc != vpc)
        {
            return TopologyErrors.Invalid("spec.subnet", subnetName, $"spec.subnet '{subnetName}' belongs to VPC '{subnet.Vpc}', not '{vpc}'");
        }
        if (subnet.Prefixes.Where(p => p.Contains(lanIp)).ToArray() is not [var prefix, ..])
        {
            return TopologyErrors.Invalid("spec.lanIp", lanIp.ToString(), $"spec.lanIp {lanIp} is outside subnet '{subnetName}' ({subnet.Definition.CidrBlock})");
        }
        if (lanIp == prefix.Network || (prefix.Family == IpFamily.V4 && lanIp == prefix.Last)
            || subnet.Definition.Gateway.Split(',').Contains(lanIp.ToString()))
        {
            return TopologyErrors.Invalid("spec.lanIp", lanIp.ToString(),
                $"spec.lanIp {lanIp} is the network, broadcast or gateway address of subnet '{subnetName}'");
        }
        if (state.NatGatewayOf(vpc) is { } other && other.Name != c.Name)
        {
            return new MeshError(VpcErrorCodes.NatGatewayExists, $"VPC '{vpc}' already has NAT gateway '{other.Name}'; a VPC has one NAT gateway",
                ErrorKind.Conflict, "spec.vpc", vpc, $"update '{other.Name}' instead");
        }
        var selector = (spec.Selector ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToArray();
        var gateway = new NatGateway(c.Name, vpc, subnetName, lanIp.ToString(), selector);
        if (existing is null)
        {
            return Decision.Accept(new NatGatewayCreated(gateway));
        }
        return existing == gateway ? Decision.Nothing : Decision.Accept(new NatGatewayUpdated(gateway));
    }

    public static Decision Delete(Topology state, DeleteNatGateway c) =>
        state.NatGateways.TryGetValue(c.Name, out var gateway)
            ? Decision.Accept(new NatGatewayDeleted(gateway))
            : new MeshError(VpcErrorCodes.NatGatewayNotFound, $"NAT gateway '{c.Name}' does not exist", ErrorKind.NotFound, "metadata.name", c.Name);
}
