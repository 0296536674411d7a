using Mesh.Addressing;

namespace Mesh.Vpc.Domain;

// Cluster-wide settings the rules need (SUB-5, SUB-7, RT-3, VPC-1). ServiceCidr and JoinCidr may
// be dual-stack "v4,v6".
public sealed record TopologySettings
{
    public static TopologySettings Default { get; } = new();

    public string ServiceCidr { get; init; } = "10.96.0.0/12";
    public string JoinCidr { get; init; } = "100.64.0.0/16";
    public int RouteTableLimit { get; init; } = 200;

    // SUB-4: this platform forbids overlap between any two VPCs ("不同vpc间subnet cidr不能有overlap").
    // When allowed, overlap is still refused between peered VPCs (RT-4).
    public bool AllowOverlapAcrossVpcs { get; init; }

    public string DefaultVpc { get; init; } = "ovn-cluster";
    public string DefaultSubnet { get; init; } = "ovn-default";
    public string DefaultSubnetCidr { get; init; } = "10.16.0.0/16";
    public string DefaultSubnetGateway { get; init; } = "10.16.0.1";

    public IReadOnlyList<IpPrefix> ServicePrefixes() => Parse(ServiceCidr, nameof(ServiceCidr));

    public IReadOnlyList<IpPrefix> JoinPrefixes() => Parse(JoinCidr, nameof(JoinCidr));

    // The Kubernetes API service address is the first host of each service CIDR (10.96.0.1).
    public IReadOnlyList<IpAddress> KubernetesApiAddresses() =>
        ServicePrefixes().Select(p => p.Network.Add(1)).ToArray();

    // Called by the host at start: null when the settings are usable.
    public string? Validate()
    {
        foreach (var (value, name) in new[] { (ServiceCidr, nameof(ServiceCidr)), (JoinCidr, nameof(JoinCidr)), (DefaultSubnetCidr, nameof(DefaultSubnetCidr)) })
        {
            if (!DualStack.TryParseCidrBlock(value, out _, out var error))
            {
                return $"{name}: {error}";
            }
        }
        return RouteTableLimit < 0 ? $"{nameof(RouteTableLimit)} must not be negative" : null;
    }

    private static IReadOnlyList<IpPrefix> Parse(string value, string name) =>
        DualStack.TryParseCidrBlock(value, out var prefixes, out var error)
            ? prefixes
            : throw new InvalidOperationException($"{name}: {error}");
}
