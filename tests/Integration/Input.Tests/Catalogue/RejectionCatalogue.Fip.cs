using Mesh.Contracts.Fip;
using static Mesh.Input.Tests.Rejection;

namespace Mesh.Input.Tests;

// FIP-*: pools (admin), OvnEip and the rule kinds over HTTP as project p1, the idempotency key over the bus.
public static partial class RejectionCatalogue
{
    private const string Pools = "/apis/neutron.io/v1/fips";
    private const string Eips = "/apis/kubeovn.io/v1/ovn-eips";
    private const string EipRules = "/apis/kubeovn.io/v1/ovn-fips";
    private const string SnatRules = "/apis/kubeovn.io/v1/ovn-snat-rules";
    private const string DnatRules = "/apis/kubeovn.io/v1/ovn-dnat-rules";

    private static Who P1 => Who.Member("p1");

    private static string Pool => Examples.Read("fip", "fip-pool.yaml");

    private static string EipRule(string name, string eip, string ip) =>
        Examples.Read("fip", "ovn-fip.yaml").With("name", name).With("ovnEip", eip).With("ipName", null).Append($"  v4Ip: {ip}");

    private static string Dnat => Examples.Read("fip", "ovn-dnat-rule.yaml");

    private static Rejection[] FipRows =>
    [
        Put("COMMON-5", "Forbidden", "role", "a member defines a pool", "fip", $"{Pools}/ext-net", Pool, P1),
        Http("COMMON-5", "Forbidden", "project", "p2 reads p1's floating IP", "fip", HttpMethod.Get, $"{Eips}/eip-static", who: Who.Member("p2")),
        Http("FIP-1", "NotFound", "metadata.name", "a pool that does not exist", "fip", HttpMethod.Get, $"{Pools}/cat-nope"),
        Put("FIP-1", "InvalidExternalNetworkId", "externalNetworkID", "an id that is no uuid", "fip", $"{Pools}/cat-x",
            Pool.With("name", "cat-x").With("externalNetworkID", "not-a-uuid")),
        Put("FIP-1", "InvalidCidr", "cidr", "a CIDR with host bits", "fip", $"{Pools}/cat-x",
            Pool.With("name", "cat-x").With("externalNetworkID", "4f0e6a11-5f43-4d5e-9a41-7c2d1f0e6a11").With("cidr", "172.120.0.1/24")),
        Put("POOL-1", "CidrConflict", "cidr", "a pool of another external network inside ext-net's 172.110.0.0/24", "fip", $"{Pools}/cat-x",
            Pool.With("name", "cat-x").With("externalNetworkID", "6f0e6a11-5f43-4d5e-9a41-7c2d1f0e6a11").With("cidr", "172.110.0.0/25")
                .With("ranges", null).With("excludes", null)),
        Put("FIP-1", "InvalidIp", "gateway", "a gateway that is no address", "fip", $"{Pools}/ext-net", Pool.With("gateway", "172.110.0.999")),
        Put("FIP-1", "InvalidRange", "ranges", "a range outside the external network", "fip", $"{Pools}/ext-net", Pool.With("ranges", "[172.111.0.5]")),
        Put("FIP-1", "ImmutableField", "gateway", "ext-net's gateway changed", "fip", $"{Pools}/ext-net", Pool.With("gateway", "172.110.0.2")),
        Put("FIP-1", "AddressInUse", "ranges", "ranges that leave allocated floating IPs out", "fip", $"{Pools}/ext-net", Pool.With("ranges", "[172.110.0.61..172.110.0.62]")),
        Put("FIP-2", "QuotaExceeded", "project", "an 11th floating IP for project cat-quota", "fip", $"{Eips}/cat-q-10",
            CatalogueWorld.Eip("cat-q-10"), Who.Member("cat-quota")),
        Put("FIP-2", "FipPoolExhausted", "pool", "the one-address pool cat-ext-small", "fip", $"{Eips}/cat-x", CatalogueWorld.Eip("cat-x", "cat-ext-small"), P1),
        Put("FIP-2", "PoolNotFound", "externalSubnet", "a pool that does not exist", "fip", $"{Eips}/cat-x", CatalogueWorld.Eip("cat-x", "cat-nope"), P1),
        Put("FIP-2", "AddressNotInPool", "v4Ip", "the pool's excluded 172.110.0.50", "fip", $"{Eips}/cat-x",
            CatalogueWorld.Eip("cat-x").Append("  v4Ip: 172.110.0.50"), P1),
        Put("FIP-2", "AddressInUse", "v4Ip", "eip-static's address", "fip", $"{Eips}/cat-x", CatalogueWorld.Eip("cat-x").Append("  v4Ip: 172.110.0.20"), P1),
        Put("FIP-2", "FipAlreadyExists", "metadata.name", "eip-static again from another pool", "fip", $"{Eips}/eip-static",
            CatalogueWorld.Eip("eip-static", "cat-ext-small"), P1),
        Put("FIP-2", "InvalidField", "spec.type", "an OvnEip of type lrp", "fip", $"{Eips}/cat-x", CatalogueWorld.Eip("cat-x").With("type", "lrp"), P1),
        Bus<AllocateFip, FipAllocation>("COMMON-2", "IdempotencyKeyReused", "idempotencyKey", "cat-idem's key for another floating IP", "fip",
            new AllocateFip { Project = "p1", Name = "cat-idem-2", ExternalSubnet = "ext-net", IdempotencyKey = "cat-key" }),
        Put("FIP-3", "InvalidPort", "externalPort", "externalPort 70000", "fip", $"{DnatRules}/cat-x", Dnat.With("name", "cat-x").With("externalPort", "70000"), P1),
        Put("FIP-3", "InvalidPort", "internalPort", "internalPort that is no number", "fip", $"{DnatRules}/cat-x", Dnat.With("name", "cat-x").With("internalPort", "ssh"), P1),
        Put("FIP-3", "InvalidProtocol", "protocol", "protocol sctp", "fip", $"{DnatRules}/cat-x", Dnat.With("name", "cat-x").With("protocol", "sctp"), P1),
        Put("FIP-3", "MissingField", "v4Ip", "an eip rule without internal address", "fip", $"{EipRules}/cat-x",
            Examples.Read("fip", "ovn-fip.yaml").With("name", "cat-x").With("ipName", null), P1),
        Put("FIP-3", "UnknownField", "spec.vpcSubnet", "an OvnFip with a snat field", "fip", $"{EipRules}/cat-x",
            Examples.Read("fip", "ovn-fip.yaml").With("name", "cat-x").Append("  vpcSubnet: net192"), P1),
        Put("FIP-3", "InvalidField", "spec.v6Ip", "an IPv6 internal address", "fip", $"{EipRules}/cat-x",
            Examples.Read("fip", "ovn-fip.yaml").With("name", "cat-x").With("ipName", null).Append("  v6Ip: fd00::1"), P1),
        Put("FIP-3", "InvalidIp", "v4Ip", "an internal address that is no address", "fip", $"{EipRules}/cat-x", EipRule("cat-x", "cat-spare", "192.168.300.1"), P1),
        Put("FIP-3", "InvalidCidr", "v4IpCidr", "a snat CIDR with host bits", "fip", $"{SnatRules}/cat-x",
            CatalogueWorld.PodSnat.With("name", "cat-x").With("ovnEip", "cat-spare").With("v4IpCidr", "192.168.100.1/24"), P1),
        Put("FIP-3", "FipNotFound", "ovnEip", "a rule on a floating IP that does not exist", "fip", $"{EipRules}/cat-x", EipRule("cat-x", "cat-nope", "192.168.100.13"), P1),
        Put("FIP-4", "TargetNotAllocated", "v4Ip", "an address IPAM never allocated", "fip", $"{EipRules}/cat-x", EipRule("cat-x", "cat-spare", "192.168.100.99"), P1),
        Put("FIP-4", "TargetNotAllocated", "ipName", "a pod that holds no address", "fip", $"{EipRules}/cat-x",
            Examples.Read("fip", "ovn-fip.yaml").With("name", "cat-x").With("ovnEip", "cat-spare").With("ipName", "ghost.default"), P1),
        Put("FIP-4", "FipNetworkMismatch", "v4Ip", "a pod of ovn-cluster, which has no external network", "fip", $"{EipRules}/cat-x",
            EipRule("cat-x", "cat-spare", "10.210.0.10"), P1),
        Put("FIP-5", "EipAlreadyAssociated", "ovnEip", "eip-static (vm1-fip) for vm2 too", "fip", $"{EipRules}/cat-x", EipRule("cat-x", "eip-static", "192.168.100.13"), P1),
        Put("FIP-5", "EipAlreadyAssociated", "v4Ip", "a second eip for vm1", "fip", $"{EipRules}/cat-x", EipRule("cat-x", "cat-spare", "192.168.100.11"), P1),
        Put("FIP-5", "EipSnatConflict", "v4Ip", "an eip for pod1, which leaves through pod1-snat", "fip", $"{EipRules}/cat-x",
            EipRule("cat-x", "cat-spare", "192.168.100.12"), P1),
        Put("FIP-5", "EipSnatConflict", "v4IpCidr", "a snat for vm1, which has an eip", "fip", $"{SnatRules}/cat-x",
            CatalogueWorld.PodSnat.With("name", "cat-x").With("v4IpCidr", "192.168.100.11"), P1),
        Put("FIP-5", "SnatAlreadyAssociated", "v4IpCidr", "a second snat for pod1", "fip", $"{SnatRules}/cat-x",
            CatalogueWorld.PodSnat.With("name", "cat-x").With("ovnEip", "cat-spare"), P1),
        Put("FIP-5", "DnatPortConflict", "externalPort", "eip-dnat's 2222/tcp again", "fip", $"{DnatRules}/cat-x",
            Dnat.With("name", "cat-x").With("ipName", null).Append("  v4Ip: 192.168.100.13"), P1),
        Put("FIP-5", "RuleAlreadyExists", "metadata.name", "vm1-ssh with another internal port", "fip", $"{DnatRules}/vm1-ssh",
            Dnat.With("internalPort", "\"2022\""), P1),
        Delete("FIP-7", "FipHasRules", "name", "release eip-static while vm1-fip uses it", "fip", $"{Eips}/eip-static", P1),
        Post("FIP-3", "MissingField", "podUid", "a pod without uid on the pod path", "fip", "/api/v1/pod-nat",
            Examples.Read("fip", "pod-nat.json").Replace("6b1e8f0c-3d2a-4f5e-9c7b-1a2b3c4d5e6f", ""), P1),
    ];
}
