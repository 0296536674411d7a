using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Ipam.Domain.Pools;

namespace Mesh.Ipam.Domain;

/// <summary>Every refusal of the IPAM service (COMMON-3): stable code, field and value named, remedy.</summary>
public static class IpamErrors
{
    public const string IpNotEnoughCode = "IpNotEnough";
    public const string IpConflictCode = "IpConflict";
    public const string IpOutOfRangeCode = "IpOutOfRange";
    public const string IpReservedCode = "IpReserved";
    public const string IpQuarantinedCode = "IpQuarantined";
    public const string MacConflictCode = "MacConflict";
    public const string InvalidMacCode = "InvalidMac";
    public const string InvalidIpCode = "InvalidIp";
    public const string InvalidCidrCode = "InvalidCidr";
    public const string SubnetInUseCode = "SubnetInUse";
    public const string SubnetClosingCode = "SubnetClosing";
    public const string PoolNotFoundCode = "PoolNotFound";
    public const string PoolNotClosingCode = "PoolNotClosing";
    public const string ProviderMismatchCode = "ProviderMismatch";
    public const string SubnetNotFoundCode = "SubnetNotFound";
    public const string CidrConflictCode = ErrorCodes.CidrConflict;

    private const string AddSubnet =
        "add another subnet in VPC '{0}' and bind it to the namespace (spec.namespaces) or select it with ovn.kubernetes.io/logical_switch; size subnets at twice the expected pod count";

    /// <summary>POOL-1: one pod never holds interfaces in two overlapping ranges (the overlay net192 and the underlay ibnics).</summary>
    public static MeshError CidrConflict(string podUid, string subnet, string cidr, string held, string heldCidr, string heldInterface) =>
        new(CidrConflictCode,
            $"pod {podUid} already holds interface {heldInterface} in pool '{held}' ({heldCidr}), which overlaps pool '{subnet}' ({cidr}): " +
            "one pod cannot have two interfaces in overlapping ranges",
            ErrorKind.Conflict, "subnet", subnet, $"attach the pod to a pool that does not overlap {heldCidr}, or release its address in '{held}' first");

    /// <summary>IPAM-4 across pools: a pod interface has one address; asking for it in another subnet is a conflict, not a second address.</summary>
    public static MeshError InterfaceHeld(string podUid, string iface, string heldSubnet, string? heldIp, string subnet) =>
        new(IpConflictCode,
            $"pod {podUid} already holds {heldIp} on {iface} in subnet '{heldSubnet}'; an interface has one address, so none is given in subnet '{subnet}'",
            ErrorKind.Conflict, "subnet", subnet, $"release the pod's address in '{heldSubnet}' first, or ask for '{heldSubnet}'");

    /// <summary>IPAM-6a: every subnet the pod may use is full; the first one's refusal, naming all that were tried.</summary>
    public static MeshError AllFull(MeshError first, IReadOnlyList<string> tried) =>
        first with { Message = $"{first.Message}; tried in order: {string.Join(", ", tried)}" };

    public static MeshError IpNotEnough(string subnet, string vpc, IpPrefix cidr, PoolUsage usage, int quarantined) =>
        new(IpNotEnoughCode,
            $"subnet '{subnet}' ({cidr}) has no free {cidr.Family.Name()} address: {usage.Used} of {usage.Total} allocatable addresses used ({usage.Percent:0.#}%)"
            + (quarantined > 0 ? $", {quarantined} released addresses still in quarantine" : ""),
            ErrorKind.Exhausted, "subnet", subnet, string.Format(System.Globalization.CultureInfo.InvariantCulture, AddSubnet, vpc));

    public static MeshError IpConflict(string field, string address, Allocation holder) =>
        new(IpConflictCode, $"{field} '{address}' is already held by {holder.Holder}", ErrorKind.Conflict, field, address,
            $"choose another address, or release it from {holder.PodNamespace}/{holder.PodName} first");

    public static MeshError OwnerHoldsOther(AllocationOwner owner, string requested, Allocation existing) =>
        new(IpConflictCode,
            $"ipAddress '{requested}' differs from the address '{existing.IpAddress}' that {owner} already holds",
            ErrorKind.Conflict, "ipAddress", requested, "release the interface first; an owner keeps one address per interface (IPAM-4)");

    public static MeshError IpOutOfRange(string field, string address, string subnet, string cidrBlock) =>
        new(IpOutOfRangeCode, $"{field} '{address}' is outside subnet '{subnet}' ({cidrBlock})", ErrorKind.Invalid, field, address,
            $"use an address inside {cidrBlock}");

    public static MeshError IpReserved(string field, string address, string subnet, string why) =>
        new(IpReservedCode, $"{field} '{address}' is reserved in subnet '{subnet}' ({why}) and is never allocated",
            ErrorKind.Invalid, field, address, "choose an address that is not the network, broadcast, gateway or an excludeIps entry");

    public static MeshError IpQuarantined(string address, DateTimeOffset until) =>
        new(IpQuarantinedCode, $"ipAddress '{address}' was released recently and stays in quarantine until {until:O}",
            ErrorKind.Conflict, "ipAddress", address, $"retry after {until:O} or choose another address");

    public static MeshError MacConflict(string mac, Allocation holder) =>
        new(MacConflictCode, $"macAddress '{mac}' is already used in this subnet by {holder.Holder}", ErrorKind.Conflict,
            "macAddress", mac, "omit macAddress to get a generated one, or choose another");

    public static MeshError InvalidMac(string? mac) =>
        new(InvalidMacCode, $"macAddress '{mac}' is not a unicast MAC address of the form 00:00:00:0a:0b:0c",
            ErrorKind.Invalid, "macAddress", mac, "use six colon-separated hex octets with an even first octet");

    public static MeshError InvalidIp(string field, string? value, string why) =>
        new(InvalidIpCode, $"{field} '{value}' is not valid: {why}", ErrorKind.Invalid, field, value,
            "give one address per family, e.g. 10.16.0.15 or 10.16.0.15,fd00::f");

    public static MeshError InvalidCidr(string? value, string? normalised, string why) =>
        new(InvalidCidrCode,
            normalised is null ? $"cidrBlock '{value}' is not valid: {why}" : $"cidrBlock '{value}' is not a network address; did you mean '{normalised}'?",
            ErrorKind.Invalid, "cidrBlock", value, normalised is null ? "give v4, v6 or \"v4,v6\" CIDRs such as 10.16.0.0/16" : $"use {normalised}");

    public static MeshError ImmutableField(string field, string? current, string? requested, string? when = null) =>
        new(ErrorCodes.ImmutableField, $"{field} cannot change{when} (current '{current}', requested '{requested}')",
            ErrorKind.Invalid, field, requested, "create a new subnet instead");

    public static MeshError SubnetInUse(string subnet, int count, IEnumerable<Allocation> holders) =>
        new(SubnetInUseCode,
            $"subnet '{subnet}' still has {count} allocated address(es), e.g. {string.Join("; ", holders.Take(5).Select(h => $"{h.IpAddress} by {h.Holder}"))}",
            ErrorKind.Conflict, "subnet", subnet, "delete the pods using the subnet (or release their addresses) first");

    public static MeshError SubnetClosing(string subnet) =>
        new(SubnetClosingCode, $"subnet '{subnet}' is being deleted and accepts no new allocations", ErrorKind.Conflict,
            "subnet", subnet, "use another subnet, or abort the deletion");

    public static MeshError PoolNotClosing(string subnet) =>
        new(PoolNotClosingCode, $"subnet '{subnet}' has no deletion in progress to confirm", ErrorKind.Conflict,
            "subnet", subnet, "request the deletion first");

    public static MeshError Forbidden(string subnet, string project) =>
        new(ErrorCodes.Forbidden, $"project '{project}' may not allocate in subnet '{subnet}': it is not in the subnet's projectIDs",
            ErrorKind.Forbidden, "project", project, "use a shared subnet or one whose projectIDs lists this project");

    public static MeshError PoolNotFound(string subnet) =>
        new(PoolNotFoundCode, $"subnet '{subnet}' has no address pool", ErrorKind.NotFound, "subnet", subnet,
            "create the subnet through the VPC service first");

    public static MeshError SubnetNotFound(string field, string subnet) =>
        new(SubnetNotFoundCode, $"{field} '{subnet}' names no known subnet", ErrorKind.NotFound, field, subnet,
            "create the subnet or fix the ovn.kubernetes.io/logical_switch annotation");

    public static MeshError ProviderMismatch(string subnet, string poolProvider, string requested) =>
        new(ProviderMismatchCode, $"provider '{requested}' does not match subnet '{subnet}' (provider '{poolProvider}')",
            ErrorKind.Invalid, "provider", requested, "attach the interface through the NetworkAttachmentDefinition of this subnet's provider");

    public static MeshError Missing(string field) =>
        new(ErrorCodes.MissingField, $"{field} is required", ErrorKind.Invalid, field, null, null);
}
