using static Mesh.Input.Tests.Rejection;

namespace Mesh.Input.Tests;

// VPC-*, SUB-*, RT-* and the resource API's own refusals (COMMON-1, COMMON-3, COMMON-5), over HTTP.
public static partial class RejectionCatalogue
{
    private const string Subnets = "/apis/kubeovn.io/v1/subnets";
    private const string Vpcs = "/apis/kubeovn.io/v1/vpcs";
    private const string NatGateways = "/apis/kubeovn.io/v1/vpc-nat-gateways";
    private const string ExternalNetworks = "/apis/network.mesh.io/v1/externalnetworks";

    private static string Subnet(string name, string spec) => CatalogueWorld.Subnet(name, spec);

    private static string TestVpc2 => Examples.Read("vpc", "test-vpc2.yaml");

    private static string Net192 => Examples.Read("vpc", "net192.yaml");

    private static string NatGateway => Examples.Read("vpc", "vpc-nat-gw.yaml").With("subnet", "cat-sec").With("lanIp", "10.220.0.253");

    private static string Routes(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(i => $"\n  - cidr: 10.{100 + i / 256}.{i % 256}.0/24\n    nextHopIP: 192.168.100.254"));

    private static Rejection[] VpcRows =>
    [
        Put("COMMON-1", "InvalidName", "metadata.name", "a subnet named Bad_Name", "vpc", $"{Subnets}/Bad_Name",
            Subnet("Bad_Name", "  cidrBlock: 10.230.0.0/24")),
        Put("COMMON-3", "MalformedDocument", "body", "YAML that does not parse", "vpc", $"{Subnets}/cat-x", "spec: [unclosed"),
        Put("COMMON-3", "MalformedDocument", "body", "JSON cut short", "vpc", $"{Subnets}/cat-x", "{\"apiVersion\": "),
        Put("COMMON-3", "UnknownField", "specs", "an unknown top-level field", "vpc", $"{Subnets}/net192", Net192.Replace("spec:", "specs:")),
        Put("COMMON-3", "InvalidField", "apiVersion", "apiVersion kubeovn.io/v2", "vpc", $"{Subnets}/net192", Net192.With("apiVersion", "kubeovn.io/v2")),
        Put("COMMON-3", "InvalidField", "kind", "a Vpc sent to subnets", "vpc", $"{Subnets}/test-vpc2", TestVpc2),
        Put("COMMON-3", "InvalidField", "metadata.name", "metadata.name differs from the URL", "vpc", $"{Subnets}/cat-x", Net192),
        Put("COMMON-3", "InvalidField", "spec.natOutgoing", "natOutgoing of the wrong type", "vpc", $"{Subnets}/net192", Net192.With("natOutgoing", "[1]")),
        Put("COMMON-3", "VersionConflict", null, "a stale metadata.resourceVersion", "vpc", $"{Subnets}/net192",
            Net192.With("name", "net192\n  resourceVersion: \"1\"").With("natOutgoing", "false")),
        Put("COMMON-5", "Forbidden", "metadata.name", "a member writes topology", "vpc", $"{Subnets}/net192", Net192, Who.Member("p1")),
        Http("COMMON-5", "Unauthenticated", null, "no token", "vpc", HttpMethod.Get, $"{Subnets}/net192", who: Who.Nobody),
        Delete("VPC-1", "ProtectedResource", "metadata.name", "delete ovn-default", "vpc", $"{Subnets}/ovn-default"),
        Delete("VPC-1", "ProtectedResource", "metadata.name", "delete ovn-cluster", "vpc", $"{Vpcs}/ovn-cluster"),
        Put("VPC-2", "UnsupportedGatewayType", "spec.gatewayType", "gatewayType distributed", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  gatewayType: distributed")),
        Put("VPC-2", "ExternalNetworkNotFound", "spec.externalNetworkID", "an unregistered external network", "vpc", $"{Vpcs}/cat-vpc-x",
            TestVpc2.With("name", "cat-vpc-x").With("externalNetworkID", "0b0c9a2e-5f43-4d5e-9a41-7c2d1f0e6a11")),
        Put("VPC-2", "MissingField", "spec.neutronRouter", "externalNetworkID without neutronRouter", "vpc", $"{Vpcs}/cat-vpc-x",
            TestVpc2.With("name", "cat-vpc-x").With("neutronRouter", null)),
        Put("VPC-2", "InvalidField", "spec.neutronRouter", "a neutronRouter that is no uuid", "vpc", $"{Vpcs}/cat-vpc-x",
            TestVpc2.With("name", "cat-vpc-x").With("neutronRouter", "router-1")),
        Put("VPC-2", "InvalidField", "spec.externalGatewayIp", "externalGatewayIp outside the external network", "vpc", $"{Vpcs}/cat-vpc-x",
            TestVpc2.With("name", "cat-vpc-x").With("externalGatewayIp", "172.111.0.160")),
        Put("VPC-2", "AlreadyExists", "metadata.name", "a second external network named external-net", "vpc", $"{ExternalNetworks}/external-net",
            Examples.Read("vpc", "external-network.yaml").With("id", "2f0e6a11-5f43-4d5e-9a41-7c2d1f0e6a11")),
        Put("POOL-1", "CidrConflict", "cidr", "an external network inside external-net's 172.110.0.0/24", "vpc", $"{ExternalNetworks}/cat-ext-x",
            Examples.Read("vpc", "external-network.yaml").With("name", "cat-ext-x").With("id", "5f0e6a11-5f43-4d5e-9a41-7c2d1f0e6a11")
                .With("cidr", "172.110.0.128/25").With("gateway", "172.110.0.129")),
        Put("VPC-2", "InvalidCidr", "cidr", "an external network CIDR with host bits", "vpc", $"{ExternalNetworks}/cat-ext-x",
            Examples.Read("vpc", "external-network.yaml").With("name", "cat-ext-x").With("id", "3f0e6a11-5f43-4d5e-9a41-7c2d1f0e6a11").With("cidr", "172.120.0.1/24")),
        Delete("VPC-4", "VpcInUse", "metadata.name", "delete test-vpc2 while net192 is in it", "vpc", $"{Vpcs}/test-vpc2"),
        Delete("VPC-4", "VpcInUse", "metadata.name", "delete vpc-secondary while its NAT gateway is in it", "vpc", $"{Vpcs}/vpc-secondary"),
        Put("SUB-1", "VpcNotFound", "spec.vpc", "a subnet in a VPC that does not exist", "vpc", $"{Subnets}/cat-x",
            Subnet("cat-x", "  vpc: cat-nope\n  cidrBlock: 10.231.0.0/24")),
        Put("SUB-1", "MissingField", "spec.cidrBlock", "no cidrBlock", "vpc", $"{Subnets}/cat-x", Subnet("cat-x", "  natOutgoing: true")),
        Put("SUB-1", "UnknownField", "spec.cidr", "the seed's cidr instead of cidrBlock", "vpc", $"{Subnets}/cat-x", Subnet("cat-x", "  cidr: 10.231.0.0/24")),
        Put("SUB-1", "InvalidField", "spec.provider", "a provider that is no <nad>.<namespace>.ovn", "vpc", $"{Subnets}/cat-x",
            Subnet("cat-x", "  cidrBlock: 10.231.0.0/24\n  provider: a.b.c.d")),
        Put("SUB-1", "InvalidField", "spec.protocol", "protocol IPv6 for an IPv4 CIDR", "vpc", $"{Subnets}/cat-x",
            Subnet("cat-x", "  cidrBlock: 10.231.0.0/24\n  protocol: IPv6")),
        Put("SUB-2", "InvalidCidr", "spec.cidrBlock", "10.0.0.1/24 has host bits", "vpc", $"{Subnets}/cat-x", Subnet("cat-x", "  cidrBlock: 10.0.0.1/24")),
        Put("SUB-2", "InvalidCidr", "spec.cidrBlock", "a malformed CIDR", "vpc", $"{Subnets}/cat-x", Subnet("cat-x", "  cidrBlock: 10.0.0/24")),
        Put("SUB-3", "CidrConflict", "spec.cidrBlock", "overlaps ovn-default in ovn-cluster", "vpc", $"{Subnets}/cat-x", Subnet("cat-x", "  cidrBlock: 10.16.5.0/24")),
        Put("SUB-4", "CidrConflict", "spec.cidrBlock", "overlaps net192 of test-vpc2 from vpc-secondary", "vpc", $"{Subnets}/cat-x",
            Subnet("cat-x", "  vpc: vpc-secondary\n  cidrBlock: 192.168.100.128/25")),
        Put("SUB-5", "CidrConflict", "spec.cidrBlock", "the seed's subnet-secondary inside the default service CIDR", "vpc",
            $"{Subnets}/subnet-secondary", Examples.Read("vpc", "subnet-secondary.yaml")),
        Put("SUB-5", "CidrConflict", "spec.cidrBlock", "inside the join CIDR", "vpc", $"{Subnets}/cat-x", Subnet("cat-x", "  cidrBlock: 100.64.1.0/24")),
        Put("SUB-6", "ImmutableField", "spec.cidrBlock", "net192's cidrBlock changed", "vpc", $"{Subnets}/net192", Net192.With("cidrBlock", "192.168.101.0/24")),
        Put("SUB-6", "ImmutableField", "spec.vpc", "net192 moved to ovn-cluster", "vpc", $"{Subnets}/net192", Net192.With("vpc", "ovn-cluster")),
        Put("SUB-6", "ImmutableField", "spec.provider", "net192's provider changed", "vpc", $"{Subnets}/net192",
            Net192.Append("  provider: kube-ovn-vpc-network.default.ovn")),
        Put("SUB-7", "InvalidField", "spec.gateway", "a gateway outside the CIDR", "vpc", $"{Subnets}/cat-x",
            Subnet("cat-x", "  cidrBlock: 10.231.0.0/24\n  gateway: 10.232.0.1")),
        Put("SUB-7", "InvalidField", "spec.gateway", "the network address as gateway", "vpc", $"{Subnets}/cat-x",
            Subnet("cat-x", "  cidrBlock: 10.231.0.0/24\n  gateway: 10.231.0.0")),
        Put("SUB-7", "InvalidField", "spec.gateway", "the broadcast address as gateway", "vpc", $"{Subnets}/cat-x",
            Subnet("cat-x", "  cidrBlock: 10.231.0.0/24\n  gateway: 10.231.0.255")),
        Put("SUB-7", "InvalidField", "spec.excludeIps", "an excludeIps range outside the CIDR", "vpc", $"{Subnets}/cat-x",
            Subnet("cat-x", "  cidrBlock: 10.231.0.0/24\n  excludeIps: [10.231.0.10..10.232.0.1]")),
        Put("SUB-7", "InvalidCidr", "spec.cidrBlock", "a /32", "vpc", $"{Subnets}/cat-x", Subnet("cat-x", "  cidrBlock: 10.231.0.7/32")),
        Put("SUB-7", "CidrConflict", "spec.cidrBlock", "a CIDR holding the Kubernetes API address 10.96.0.1", "vpc", $"{Subnets}/cat-x",
            Subnet("cat-x", "  cidrBlock: 10.96.0.0/24")),
        Put("SUB-7", "SubnetInUse", "spec.gateway", "cat-used's gateway changed while an address is allocated", "vpc", $"{Subnets}/cat-used",
            Subnet("cat-used", "  cidrBlock: 10.213.0.0/24\n  gateway: 10.213.0.254")),
        Put("SUB-8", "UnderlayNotSupported", "spec.vlan", "vlan set", "vpc", $"{Subnets}/cat-x", Subnet("cat-x", "  cidrBlock: 10.231.0.0/24\n  vlan: vlan10")),
        Delete("SUB-9", "SubnetInUse", "metadata.name", "delete cat-used while an address is allocated", "vpc", $"{Subnets}/cat-used"),
        Delete("SUB-9", "SubnetInUse", "metadata.name", "delete cat-sec while the NAT gateway's LAN IP is in it", "vpc", $"{Subnets}/cat-sec"),
        Put("RT-1", "InvalidField", "spec.staticRoutes[0].nextHopIP", "a next hop in none of the VPC's subnets", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  staticRoutes:\n  - cidr: 10.240.0.0/16\n    nextHopIP: 10.99.0.1")),
        Put("RT-1", "InvalidField", "spec.staticRoutes[0].policy", "policy policyAny", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  staticRoutes:\n  - cidr: 10.240.0.0/16\n    nextHopIP: 192.168.100.254\n    policy: policyAny")),
        Put("RT-1", "InvalidCidr", "spec.staticRoutes[0].cidr", "a route CIDR with host bits", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  staticRoutes:\n  - cidr: 10.240.0.1/16\n    nextHopIP: 192.168.100.254")),
        Put("RT-2", "InvalidField", "spec.policyRoutes[0].priority", "priority 40000", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  policyRoutes:\n  - priority: 40000\n    match: ip4.dst == 10.0.0.0/24\n    action: drop")),
        Put("RT-2", "InvalidField", "spec.policyRoutes[0].action", "action forward", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  policyRoutes:\n  - priority: 10\n    match: ip4.dst == 10.0.0.0/24\n    action: forward")),
        Put("RT-2", "InvalidField", "spec.policyRoutes[0].nextHopIP", "reroute without nextHopIP", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  policyRoutes:\n  - priority: 10\n    match: ip4.dst == 10.0.0.0/24\n    action: reroute")),
        Put("RT-2", "MissingField", "spec.policyRoutes[0].match", "no match", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  policyRoutes:\n  - priority: 10\n    action: drop")),
        Put("RT-3", "RouteTableFull", "spec.staticRoutes", "201 static routes (the limit is 200)", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  staticRoutes:" + Routes(201))),
        Put("RT-4", "InvalidField", "spec.vpcPeerings[0].remoteVpc", "a VPC peering with itself", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  vpcPeerings:\n  - remoteVpc: test-vpc2\n    localConnectIP: 169.254.0.1/30")),
        Put("RT-4", "InvalidField", "spec.vpcPeerings[0].localConnectIP", "a localConnectIP that is no address", "vpc", $"{Vpcs}/test-vpc2",
            TestVpc2.Append("  vpcPeerings:\n  - remoteVpc: vpc-secondary\n    localConnectIP: 169.254.0/30")),
        Put("RT-5", "NatGatewayExists", "spec.vpc", "a second NAT gateway for vpc-secondary", "vpc", $"{NatGateways}/vpc-nat-gw", NatGateway),
        Put("RT-5", "InvalidField", "spec.lanIp", "a LAN IP outside the subnet", "vpc", $"{NatGateways}/vpc-nat-gw", NatGateway.With("lanIp", "10.221.0.5")),
        Put("RT-5", "InvalidField", "spec.lanIp", "the subnet's gateway as LAN IP", "vpc", $"{NatGateways}/vpc-nat-gw", NatGateway.With("lanIp", "10.220.0.1")),
        Put("RT-5", "SubnetNotFound", "spec.subnet", "a subnet that does not exist", "vpc", $"{NatGateways}/vpc-nat-gw", NatGateway.With("subnet", "cat-nope")),
        Put("RT-5", "MissingField", "spec.lanIp", "no lanIp", "vpc", $"{NatGateways}/vpc-nat-gw", NatGateway.With("lanIp", null)),
        Put("RT-5", "ImmutableField", "spec.lanIp", "cat-gw's lanIp changed", "vpc", $"{NatGateways}/cat-gw",
            NatGateway.With("name", "cat-gw").With("lanIp", "10.220.0.252")),
        Delete("RT-5", "NatGatewayNotFound", "metadata.name", "delete a NAT gateway that does not exist", "vpc", $"{NatGateways}/cat-nope"),
    ];
}
