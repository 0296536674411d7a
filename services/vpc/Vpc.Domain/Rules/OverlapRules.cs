using Mesh.Addressing;
using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

// SUB-3 (same VPC), SUB-4 (any other VPC on this platform, peered VPCs always), SUB-5 (service
// and join CIDRs), SUB-7 (the Kubernetes API service address). One index query per prefix.
internal static class OverlapRules
{
    public static MeshError? Check(Topology state, string name, string vpc, IReadOnlyList<IpPrefix> prefixes, TopologySettings settings)
    {
        foreach (var prefix in prefixes)
        {
            foreach (var api in settings.KubernetesApiAddresses())
            {
                if (prefix.Contains(api))
                {
                    return Conflict(prefix, $"contains the Kubernetes API service address {api}");
                }
            }
            foreach (var (reserved, what) in settings.ServicePrefixes().Select(p => (p, "service CIDR"))
                         .Concat(settings.JoinPrefixes().Select(p => (p, "join CIDR"))))
            {
                if (prefix.Overlaps(reserved))
                {
                    return Conflict(prefix, $"overlaps the cluster's {what} {reserved}");
                }
            }
            foreach (var hit in state.SubnetPrefixes.Overlapping(prefix))
            {
                if (hit.Value == name)
                {
                    continue;
                }
                var other = state.Subnets[hit.Value];
                if (other.Vpc == vpc)
                {
                    return Conflict(prefix, $"overlaps subnet '{other.Name}' ({hit.Key}) in the same VPC '{vpc}'");
                }
                if (!settings.AllowOverlapAcrossVpcs)
                {
                    return Conflict(prefix, $"overlaps subnet '{other.Name}' ({hit.Key}) of VPC '{other.Vpc}'; subnets of different VPCs must not overlap on this platform");
                }
                if (state.ArePeered(vpc, other.Vpc))
                {
                    return Conflict(prefix, $"overlaps subnet '{other.Name}' ({hit.Key}) of peered VPC '{other.Vpc}'");
                }
            }
        }
        return null;
    }

    private static MeshError Conflict(IpPrefix prefix, string what) =>
        new(VpcErrorCodes.CidrConflict, $"spec.cidrBlock {prefix} {what}", ErrorKind.Conflict, "spec.cidrBlock", prefix.ToString(),
            "choose a CIDR that overlaps no other subnet, the service CIDR or the join CIDR");
}
