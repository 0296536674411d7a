using Mesh.Contracts.Ipam;
using Mesh.Ipam.Tests;
using static Mesh.Input.Tests.Rejection;

namespace Mesh.Input.Tests;

// IPAM-* and SUB-10: AllocateIp over HTTP as platform services send it, one row over the bus (Rejected).
public static partial class RejectionCatalogue
{
    private const string Allocations = "/api/v1/allocations";

    private static AllocateIp IpPod(string uid, string subnet, string? ip = null, string project = "p1") => ClientBus.Pod(uid, subnet, project, ip: ip);

    private static Rejection[] IpamRows =>
    [
        Post("COMMON-3", "MalformedDocument", null, "an allocation body cut short", "ipam", Allocations, "{\"project\": "),
        Post("COMMON-5", "Forbidden", "project", "a member of p2 allocates for p1", "ipam", Allocations, IpPod("cat-x", "cat-a"), Who.Member("p2")),
        Post("IPAM-1", "IpOutOfRange", "ipAddress", "a static address outside the CIDR", "ipam", Allocations, IpPod("cat-x", "cat-a", "10.99.0.1")),
        Post("IPAM-2", "IpReserved", "ipAddress", "the gateway", "ipam", Allocations, IpPod("cat-x", "cat-a", "10.210.0.1")),
        Post("IPAM-2", "IpReserved", "ipAddress", "the network address", "ipam", Allocations, IpPod("cat-x", "cat-a", "10.210.0.0")),
        Post("IPAM-2", "IpReserved", "ipAddress", "the broadcast address", "ipam", Allocations, IpPod("cat-x", "cat-a", "10.210.0.255")),
        Post("IPAM-2", "IpReserved", "ipAddress", "an excludeIps entry", "ipam", Allocations, IpPod("cat-x", "cat-a", "10.210.0.100")),
        Post("IPAM-3", "SubnetNotFound", "ovn.kubernetes.io/logical_switch", "an explicit subnet that does not exist", "ipam", Allocations, IpPod("cat-x", "cat-nope")),
        Post("IPAM-3", "ProviderMismatch", "provider", "a secondary provider on a primary subnet", "ipam", Allocations,
            IpPod("cat-x", "cat-a") with { Provider = "other.default.ovn" }),
        Post("IPAM-3", "MissingField", "podUid", "an empty pod uid", "ipam", Allocations, IpPod("", "cat-a")),
        Post("IPAM-4", "IpConflict", "ipAddress", "the holder asks for another address", "ipam", Allocations, IpPod("cat-holder", "cat-a", "10.210.0.11")),
        Post("IPAM-4", "IpConflict", "subnet", "the holder asks for an address in another subnet", "ipam", Allocations, IpPod("cat-holder", "cat-tiny")),
        Post("IPAM-4", "ImmutableField", "macAddress", "the holder asks for another MAC", "ipam", Allocations,
            IpPod("cat-holder", "cat-a", "10.210.0.10") with { MacAddress = "0a:00:00:00:00:11" }),
        Post("IPAM-5", "IpConflict", "ipAddress", "an address another pod holds", "ipam", Allocations, IpPod("cat-x", "cat-a", "10.210.0.10")),
        Post("IPAM-5", "InvalidIp", "ipAddress", "a malformed static address", "ipam", Allocations, IpPod("cat-x", "cat-a", "10.210.0")),
        Post("IPAM-6", "IpNotEnough", "subnet", "the full /30 cat-tiny", "ipam", Allocations, IpPod("cat-x", "cat-tiny")),
        Bus<AllocateIp, IpAllocation>("IPAM-6", "IpNotEnough", "subnet", "the full /30 cat-tiny, over the bus", "ipam", IpPod("cat-x", "cat-tiny")),
        Post("IPAM-7", "MacConflict", "macAddress", "the holder's MAC for another pod", "ipam", Allocations,
            IpPod("cat-x", "cat-a") with { MacAddress = "0a:00:00:00:00:10" }),
        Post("IPAM-7", "InvalidMac", "macAddress", "a multicast MAC", "ipam", Allocations, IpPod("cat-x", "cat-a") with { MacAddress = "01:00:5e:00:00:01" }),
        Post("IPAM-8", "IpQuarantined", "ipAddress", "an address released a moment ago", "ipam", Allocations, IpPod("cat-x", "cat-a", "10.210.0.20")),
        Http("IPAM-12", "PoolNotFound", "subnet", "usage of a subnet that does not exist", "ipam", HttpMethod.Get, "/api/v1/subnets/cat-nope/usage"),
        Http("IPAM-13", "InvalidField", "at", "history at a time that is no time", "ipam", HttpMethod.Get, "/api/v1/addresses/10.210.0.10/history?at=yesterday"),
        Http("IPAM-13", "InvalidIp", "ip", "who holds an address that is no address", "ipam", HttpMethod.Get, "/api/v1/addresses/not-an-ip"),
        Post("SUB-10", "Forbidden", "project", "p2 allocates in cat-p1 (projectIDs [p1])", "ipam", Allocations, IpPod("cat-x", "cat-p1", project: "p2")),
    ];
}
