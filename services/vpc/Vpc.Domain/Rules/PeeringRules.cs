using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

// RT-4: vpcPeerings. A peering is active once both VPCs declare it; at that moment the two
// VPCs' subnets must not overlap (checked through the prefix index, one query per subnet).
internal static class PeeringRules
{
    public static MeshError? Check(Topology state, string vpc, VpcSpec spec, out IReadOnlyList<VpcPeering> peerings)
    {
        peerings = [];
        var list = new List<VpcPeering>();
        var requested = spec.VpcPeerings ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            var peering = requested[i];
            var field = $"spec.vpcPeerings[{i}]";
            var remote = peering.RemoteVpc?.Trim();
            if (DnsName.Check(remote, $"{field}.remoteVpc") is { } nameError)
            {
                return nameError;
            }
            if (remote == vpc)
            {
                return TopologyErrors.Invalid($"{field}.remoteVpc", remote, $"VPC '{vpc}' cannot peer with itself");
            }
            if (list.Any(p => p.RemoteVpc == remote))
            {
                return TopologyErrors.Invalid($"{field}.remoteVpc", remote, $"a peering with '{remote}' is already listed");
            }
            if (!IpPrefix.TryParseLoose(peering.LocalConnectIP, out var address, out var length, out var error))
            {
                return TopologyErrors.Invalid($"{field}.localConnectIP", peering.LocalConnectIP,
                    $"{field}.localConnectIP: {error} (an interconnect address such as 169.254.0.1/30)");
            }
            if (!state.ArePeered(vpc, remote!) && state.Declares(remote!, vpc) && FindOverlap(state, vpc, remote!) is { } conflict)
            {
                return conflict;
            }
            list.Add(new VpcPeering(remote!, $"{address}/{length}"));
        }
        peerings = list;
        return null;
    }

    private static MeshError? FindOverlap(Topology state, string vpc, string remote)
    {
        foreach (var name in state.SubnetsOf(vpc))
        {
            foreach (var prefix in state.Subnets[name].Prefixes)
            {
                foreach (var hit in state.SubnetPrefixes.Overlapping(prefix))
                {
                    if (state.Subnets[hit.Value].Vpc == remote)
                    {
                        return new MeshError(VpcErrorCodes.CidrConflict,
                            $"peering VPC '{vpc}' with '{remote}': subnet '{name}' ({prefix}) overlaps subnet '{hit.Value}' ({hit.Key}) of '{remote}'",
                            ErrorKind.Conflict, "spec.vpcPeerings", remote, "peered VPCs need disjoint subnets: move one of the subnets");
                    }
                }
            }
        }
        return null;
    }
}
