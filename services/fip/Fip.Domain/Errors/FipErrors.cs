using Mesh.Contracts;
using C = Mesh.Fip.Domain.Errors.FipErrorCodes;

namespace Mesh.Fip.Domain.Errors;

// Every refusal the FIP service gives: code, the field and value at fault, and the remedy.
public static class FipErrors
{
    public static MeshError QuotaExceeded(string project, int quota, int held) => new(C.QuotaExceeded,
        $"project '{project}' holds {held} floating IPs, its quota is {quota} (弹性IP不足)",
        ErrorKind.Exhausted, "project", project,
        "release a floating IP the project no longer needs (unbind it first), or ask the administrator to raise the quota");

    public static MeshError FipPoolExhausted(string pool, UInt128 size) => new(C.FipPoolExhausted,
        $"floating IP pool '{pool}' has no free address ({size} of {size} in use)",
        ErrorKind.Exhausted, "pool", pool,
        "release unused floating IPs, or add a range to the pool of this external network");

    public static MeshError FipNetworkMismatch(string field, string value, string vpc, string? targetNetwork, string fipNetwork) =>
        new(C.FipNetworkMismatch,
            targetNetwork is null
                ? $"{field} '{value}' is in VPC '{vpc}', which has no external network; the floating IP belongs to external network '{fipNetwork}'"
                : $"{field} '{value}' is in VPC '{vpc}', connected to external network '{targetNetwork}', not to '{fipNetwork}' of the floating IP",
            ErrorKind.Invalid, field, value,
            "use a floating IP from the pool of the VPC's external network, or connect the VPC (externalNetworkID) to this one");

    public static MeshError EipSnatConflict(string field, string value, string otherRule, string otherKind) => new(C.EipSnatConflict,
        $"{field} '{value}' is already covered by {otherKind} rule '{otherRule}': an address with an eip must not also sit behind a snat floating IP (packets get lost)",
        ErrorKind.Conflict, field, value,
        $"disassociate rule '{otherRule}' first, or keep only one of eip and snat for this address");

    public static MeshError EipAlreadyAssociated(string field, string value, string holderRule, string holderDetail) =>
        new(C.EipAlreadyAssociated,
            $"{field} '{value}' is already used by rule '{holderRule}' ({holderDetail}): an eip is one floating IP to one address, used by nothing else",
            ErrorKind.Conflict, field, value, $"disassociate rule '{holderRule}' first, or use another floating IP");

    public static MeshError SnatAlreadyAssociated(string field, string value, string holderRule) => new(C.SnatAlreadyAssociated,
        $"{field} '{value}' already leaves through snat rule '{holderRule}'",
        ErrorKind.Conflict, field, value, $"disassociate rule '{holderRule}' first");

    public static MeshError DnatPortConflict(string fip, string protocol, int port, string holderRule) => new(C.DnatPortConflict,
        $"externalPort {port}/{protocol} of floating IP '{fip}' is already forwarded by dnat rule '{holderRule}'",
        ErrorKind.Conflict, "externalPort", $"{port}", "choose another external port or protocol, or another floating IP");

    public static MeshError FipHasRules(string fip, IReadOnlyCollection<string> rules) => new(C.FipHasRules,
        $"floating IP '{fip}' still has {rules.Count} rule(s): {string.Join(", ", rules.Take(5))}",
        ErrorKind.Conflict, "name", fip, "disassociate the rules first, or release with cascade=true");

    public static MeshError FipNotFound(string fip) => new(C.FipNotFound,
        $"floating IP '{fip}' does not exist", ErrorKind.NotFound, "ovnEip", fip, "allocate it first, or check the name");

    public static MeshError FipAlreadyExists(string fip, string project, string address) => new(C.FipAlreadyExists,
        $"floating IP '{fip}' already exists ({address}, project '{project}')",
        ErrorKind.Conflict, "metadata.name", fip, "choose another name");

    public static MeshError PoolNotFound(string pool) => new(C.PoolNotFound,
        $"no floating IP pool for external network '{pool}'", ErrorKind.NotFound, "externalSubnet", pool,
        "define the pool (fips.neutron.io) of that external network first, or check its name or id");

    public static MeshError AddressNotInPool(string field, string address, string pool, string ranges) => new(C.AddressNotInPool,
        $"{field} '{address}' is not an allocatable address of pool '{pool}' (allocatable: {ranges})",
        ErrorKind.Invalid, field, address, "pick an address inside the pool's ranges, outside its excludes and gateway");

    public static MeshError AddressInUse(string field, string address, string holder, string project) => new(C.AddressInUse,
        $"{field} '{address}' is held by floating IP '{holder}' of project '{project}'",
        ErrorKind.Conflict, field, address, "pick another address, or omit it to get any free one");

    public static MeshError TargetNotAllocated(string field, string address, string why) => new(C.TargetNotAllocated,
        $"{field} '{address}' is not an address the IPAM service has allocated ({why})",
        ErrorKind.Conflict, field, address, "associate the floating IP with the address of a running pod or VM");

    public static MeshError RuleAlreadyExists(string rule, string existing) => new(C.RuleAlreadyExists,
        $"rule '{rule}' already exists with a different spec ({existing})",
        ErrorKind.Conflict, "metadata.name", rule, "delete the rule first, or choose another name");

    public static MeshError IdempotencyKeyReused(string key, string fip) => new(C.IdempotencyKeyReused,
        $"idempotency key '{key}' was already used for floating IP '{fip}' with different parameters",
        ErrorKind.Conflict, "idempotencyKey", key, "use a new idempotency key for a new request");

    public static MeshError Forbidden(string resource, string owner, string project) => new(C.Forbidden,
        $"'{resource}' belongs to project '{owner}', not to '{project}'", ErrorKind.Forbidden, "project", project);

    public static MeshError ImmutableField(string field, string current, string requested) => new(C.ImmutableField,
        $"{field} is immutable: it is '{current}', the request says '{requested}'",
        ErrorKind.Invalid, field, requested, "delete and recreate the pool once no floating IP is allocated from it");

    public static MeshError InvalidIp(string field, string? value) => new(C.InvalidIp,
        $"{field} '{value}' is not an IPv4 address (a.b.c.d)", ErrorKind.Invalid, field, value, "e.g. 172.35.0.18");

    public static MeshError InvalidCidr(string field, string? value, string? normalised = null) => new(C.InvalidCidr,
        normalised is null
            ? $"{field} '{value}' is not an IPv4 CIDR (a.b.c.d/n)"
            : $"{field} '{value}' has host bits set; the network is {normalised}",
        ErrorKind.Invalid, field, value, normalised is null ? "e.g. 172.35.0.0/24" : $"use {normalised}");

    public static MeshError InvalidRange(string field, string? value, string why) => new(C.InvalidRange,
        $"{field} entry '{value}' {why}", ErrorKind.Invalid, field, value,
        "use an address, a range a..b or a CIDR inside the external network's CIDR");

    public static MeshError InvalidPort(string field, int value) => new(C.InvalidPort,
        $"{field} {value} is not a port (1-65535)", ErrorKind.Invalid, field, $"{value}", "use a port between 1 and 65535");

    public static MeshError InvalidProtocol(string? value) => new(C.InvalidProtocol,
        $"protocol '{value}' is not supported (tcp or udp)", ErrorKind.Invalid, "protocol", value, "use tcp or udp");

    public static MeshError InvalidExternalNetworkId(string? value) => new(C.InvalidExternalNetworkId,
        $"externalNetworkID '{value}' is not a uuid", ErrorKind.Invalid, "externalNetworkID", value,
        "use the id of the external network as the SDN shows it");
}
