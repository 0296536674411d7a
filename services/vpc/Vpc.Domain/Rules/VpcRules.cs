using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

internal static class VpcRules
{
    public static Decision Apply(Topology state, ApplyVpc c, TopologySettings settings)
    {
        if (DnsName.Check(c.Name) is { } nameError)
        {
            return nameError;
        }
        var spec = c.Spec;
        var gatewayType = string.IsNullOrWhiteSpace(spec.GatewayType) ? "centralized" : spec.GatewayType.Trim();
        if (gatewayType == "distributed")
        {
            return new MeshError(VpcErrorCodes.UnsupportedGatewayType,
                "spec.gatewayType 'distributed' is not supported: this platform's VPCs only use a centralized gateway",
                ErrorKind.Invalid, "spec.gatewayType", gatewayType, "set gatewayType: centralized or leave it out");
        }
        if (gatewayType != "centralized")
        {
            return TopologyErrors.Invalid("spec.gatewayType", gatewayType, $"spec.gatewayType '{gatewayType}' is unknown (only centralized)");
        }
        if (CheckRouter(state, spec, out var network) is { } routerError)
        {
            return routerError;
        }
        string? externalGatewayIp = null;
        if (!string.IsNullOrWhiteSpace(spec.ExternalGatewayIp))
        {
            if (network is null)
            {
                return TopologyErrors.Missing("spec.externalNetworkID", "spec.externalGatewayIp needs spec.externalNetworkID: it must lie in that network");
            }
            var cidr = IpPrefix.Parse(network.Cidr);
            if (!IpAddress.TryParse(spec.ExternalGatewayIp, out var ip) || !cidr.Contains(ip))
            {
                return TopologyErrors.Invalid("spec.externalGatewayIp", spec.ExternalGatewayIp,
                    $"spec.externalGatewayIp '{spec.ExternalGatewayIp}' is not an address of external network {network.Id} ({cidr})");
            }
            externalGatewayIp = ip.ToString();
        }
        if (Names.CheckLabels(spec.Namespaces, "spec.namespaces", out var namespaces) is { } nsError)
        {
            return nsError;
        }
        if (RouteRules.Check(state, c.Name, spec, network, externalGatewayIp, settings, out var staticRoutes, out var policyRoutes) is { } routeError)
        {
            return routeError;
        }
        if (PeeringRules.Check(state, c.Name, spec, out var peerings) is { } peeringError)
        {
            return peeringError;
        }
        var normalized = new VpcSpec
        {
            ExternalNetworkID = network?.Id,
            ExternalNetworkName = network is null ? null : spec.ExternalNetworkName ?? network.Name,
            ExternalGatewayIp = externalGatewayIp,
            NeutronRouter = network is null ? null : spec.NeutronRouter!.Trim().ToLowerInvariant(),
            GatewayNode = string.IsNullOrWhiteSpace(spec.GatewayNode) ? null : spec.GatewayNode.Trim(),
            GatewayType = gatewayType,
            Namespaces = namespaces,
            StaticRoutes = staticRoutes,
            PolicyRoutes = policyRoutes,
            VpcPeerings = peerings,
        };
        if (!state.Vpcs.TryGetValue(c.Name, out var existing))
        {
            return Decision.Accept(new VpcCreated(c.Name, normalized));
        }
        return existing == normalized ? Decision.Nothing : Decision.Accept(new VpcUpdated(c.Name, normalized));
    }

    public static Decision Delete(Topology state, DeleteVpc c, TopologySettings settings)
    {
        if (!state.Vpcs.TryGetValue(c.Name, out var spec))
        {
            return TopologyErrors.VpcNotFound("metadata.name", c.Name);
        }
        if (c.Name == settings.DefaultVpc)
        {
            return TopologyErrors.Protected("VPC", c.Name);
        }
        var left = new List<string>();
        if (state.SubnetsOf(c.Name) is { Count: > 0 } subnets)
        {
            left.Add($"subnets [{string.Join(", ", subnets)}]");
        }
        var peers = (spec.VpcPeerings ?? []).Select(p => p.RemoteVpc)
            .Concat(state.Vpcs.Where(v => v.Key != c.Name && state.Declares(v.Key, c.Name)).Select(v => v.Key))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        if (peers.Length > 0)
        {
            left.Add($"peerings with [{string.Join(", ", peers)}]");
        }
        if (state.NatGatewayOf(c.Name) is { } gateway)
        {
            left.Add($"NAT gateways [{gateway.Name}]");
        }
        if (left.Count > 0)
        {
            return new MeshError(VpcErrorCodes.VpcInUse, $"VPC '{c.Name}' still has {string.Join(", ", left)}",
                ErrorKind.Conflict, "metadata.name", c.Name, "delete its subnets and NAT gateway and remove its peerings first");
        }
        return Decision.Accept(new VpcDeleted(c.Name));
    }

    // VPC-2: externalNetworkID and neutronRouter attach the VPC to an SDN router and come together.
    // A VPC with neither (the seed's vpc-secondary, and ovn-cluster) has no router of its own.
    private static MeshError? CheckRouter(Topology state, VpcSpec spec, out ExternalNetwork? network)
    {
        network = null;
        var hasNetwork = !string.IsNullOrWhiteSpace(spec.ExternalNetworkID);
        var hasRouter = !string.IsNullOrWhiteSpace(spec.NeutronRouter);
        if (hasNetwork != hasRouter)
        {
            var missing = hasNetwork ? "spec.neutronRouter" : "spec.externalNetworkID";
            return TopologyErrors.Missing(missing, $"{missing} is required: a VPC attached to an SDN router names both externalNetworkID and neutronRouter (uuids)");
        }
        if (!hasNetwork)
        {
            return null;
        }
        if (!Guid.TryParseExact(spec.ExternalNetworkID!.Trim(), "D", out _))
        {
            return TopologyErrors.Invalid("spec.externalNetworkID", spec.ExternalNetworkID, $"spec.externalNetworkID '{spec.ExternalNetworkID}' is not a uuid");
        }
        if (!Guid.TryParseExact(spec.NeutronRouter!.Trim(), "D", out _))
        {
            return TopologyErrors.Invalid("spec.neutronRouter", spec.NeutronRouter, $"spec.neutronRouter '{spec.NeutronRouter}' is not a uuid");
        }
        var id = spec.ExternalNetworkID.Trim().ToLowerInvariant();
        if (!state.ExternalNetworks.TryGetValue(id, out network))
        {
            return new MeshError(VpcErrorCodes.ExternalNetworkNotFound, $"spec.externalNetworkID: external network '{id}' is not registered",
                ErrorKind.NotFound, "spec.externalNetworkID", id,
                $"register it first with an ExternalNetwork document (apiVersion network.mesh.io/v1, spec.id {id}, cidr, gateway), "
                + "e.g. meshctl apply -f examples/vpc/external-network.yaml; meshctl get externalnetworks lists those registered");
        }
        if (!string.IsNullOrWhiteSpace(spec.ExternalNetworkName) && network.Name is not null && spec.ExternalNetworkName != network.Name)
        {
            return TopologyErrors.Invalid("spec.externalNetworkName", spec.ExternalNetworkName,
                $"spec.externalNetworkName '{spec.ExternalNetworkName}' does not match external network {id} ('{network.Name}')");
        }
        return null;
    }
}
