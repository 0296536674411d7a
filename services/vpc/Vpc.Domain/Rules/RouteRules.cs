using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

// RT-1 static routes, RT-2 policy routes, RT-3 route table limit.
internal static class RouteRules
{
    private static readonly string[] Actions = ["allow", "drop", "reroute"];

    public static MeshError? Check(Topology state, string vpc, VpcSpec spec, ExternalNetwork? network, string? externalGatewayIp,
        TopologySettings settings, out IReadOnlyList<StaticRoute> statics, out IReadOnlyList<PolicyRoute> policies)
    {
        statics = [];
        policies = [];
        var requestedStatic = spec.StaticRoutes ?? [];
        var requestedPolicy = spec.PolicyRoutes ?? [];
        var total = requestedStatic.Count + requestedPolicy.Count;
        if (total > settings.RouteTableLimit)
        {
            return new MeshError(VpcErrorCodes.RouteTableFull,
                $"VPC '{vpc}' route table holds at most {settings.RouteTableLimit} entries; the spec has {total} ({requestedStatic.Count} staticRoutes, {requestedPolicy.Count} policyRoutes)",
                ErrorKind.Exhausted, "spec.staticRoutes", total.ToString(), "aggregate routes into wider CIDRs or remove unused ones");
        }
        var staticList = new List<StaticRoute>();
        for (var i = 0; i < requestedStatic.Count; i++)
        {
            var route = requestedStatic[i];
            var field = $"spec.staticRoutes[{i}]";
            if (!IpPrefix.TryParse(route.Cidr, out var cidr, out var error))
            {
                return TopologyErrors.InvalidCidr($"{field}.cidr", route.Cidr, error);
            }
            if (!IpAddress.TryParse(route.NextHopIP, out var nextHop))
            {
                return TopologyErrors.Invalid($"{field}.nextHopIP", route.NextHopIP, $"{field}.nextHopIP '{route.NextHopIP}' is not an IP address");
            }
            var policy = string.IsNullOrWhiteSpace(route.Policy) ? "policyDst" : route.Policy.Trim();
            if (policy is not ("policyDst" or "policySrc"))
            {
                return TopologyErrors.Invalid($"{field}.policy", route.Policy, $"{field}.policy '{route.Policy}' must be policyDst or policySrc");
            }
            if (!Reachable(state, vpc, nextHop, network, externalGatewayIp))
            {
                return TopologyErrors.Invalid($"{field}.nextHopIP", route.NextHopIP,
                    $"{field}.nextHopIP {nextHop} lies in none of VPC '{vpc}' subnets and is not its external gateway",
                    "use an address of one of the VPC's subnets or the external gateway");
            }
            var normalized = new StaticRoute(cidr.ToString(), nextHop.ToString(), policy);
            if (staticList.Any(r => r.Cidr == normalized.Cidr && r.Policy == normalized.Policy))
            {
                return TopologyErrors.Invalid($"{field}.cidr", route.Cidr, $"{field}: a {policy} route for {cidr} is already listed");
            }
            staticList.Add(normalized);
        }
        var policyList = new List<PolicyRoute>();
        for (var i = 0; i < requestedPolicy.Count; i++)
        {
            var route = requestedPolicy[i];
            var field = $"spec.policyRoutes[{i}]";
            if (route.Priority is < 0 or > 32767)
            {
                return TopologyErrors.Invalid($"{field}.priority", route.Priority.ToString(), $"{field}.priority {route.Priority} must be between 0 and 32767");
            }
            if (string.IsNullOrWhiteSpace(route.Match))
            {
                return TopologyErrors.Missing($"{field}.match", $"{field}.match is required (an OVN expression such as ip4.dst == 10.0.0.0/24)");
            }
            var action = route.Action?.Trim() ?? "";
            if (!Actions.Contains(action))
            {
                return TopologyErrors.Invalid($"{field}.action", route.Action, $"{field}.action '{route.Action}' must be allow, drop or reroute");
            }
            string? nextHop = null;
            if (action == "reroute")
            {
                if (!DualStack.TryParseAddresses(route.NextHopIP, out var hops))
                {
                    return TopologyErrors.Invalid($"{field}.nextHopIP", route.NextHopIP, $"{field}.nextHopIP is required for reroute and must be an IP address (got '{route.NextHopIP}')");
                }
                nextHop = DualStack.Join(hops);
            }
            policyList.Add(new PolicyRoute(route.Priority, route.Match.Trim(), action, nextHop));
        }
        statics = staticList;
        policies = policyList;
        return null;
    }

    private static bool Reachable(Topology state, string vpc, IpAddress nextHop, ExternalNetwork? network, string? externalGatewayIp)
    {
        var text = nextHop.ToString();
        if (text == externalGatewayIp || (network?.Gateway is { } gateway && text == gateway))
        {
            return true;
        }
        return state.SubnetsOf(vpc).Any(name => state.Subnets[name].Prefixes.Any(p => p.Contains(nextHop)));
    }
}
