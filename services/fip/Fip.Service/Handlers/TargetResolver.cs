using Mesh.Addressing;
using Mesh.Contracts;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Service.World;
using Mesh.Hosting;

namespace Mesh.Fip.Service.Handlers;

// FIP-4: turns what the user named (an address, a pod's ipName, a subnet or its CIDR) into what IPAM and
// the VPC service announced, so that the pure decider can check it.
public sealed class TargetResolver(WorldModel world, FipOptions options)
{
    // The address the rule is for (as given, for the decider to validate) and IPAM's live allocation of it.
    public async Task<(string Ip, AllocatedTarget? Target)> AddressAsync(string? v4Ip, string? ipName, string field, string externalNetworkId)
    {
        AddressRow? row;
        if (!string.IsNullOrWhiteSpace(ipName))
        {
            row = await world.AddressByIpNameAsync(ipName.Trim());
            if (row is null)
            {
                throw new MeshException(FipErrors.TargetNotAllocated("ipName", ipName, "no running pod <name>.<namespace> holds an IPv4 address"));
            }
            if (v4Ip is not null && IpAddress.Canonical(v4Ip, IpFamily.V4) != row.Ip)
            {
                throw new MeshException(new MeshError(ErrorCodes.InvalidField, $"{field} '{v4Ip}' is not the address of ipName '{ipName}' ({row.Ip})",
                    ErrorKind.Invalid, field, v4Ip, "give one of ipName and the address, or matching ones"));
            }
        }
        else if (string.IsNullOrWhiteSpace(v4Ip))
        {
            throw new MeshException(Missing(field, "the internal address (or ipName, the pod's <name>.<namespace>)"));
        }
        else
        {
            row = IpAddress.Canonical(v4Ip, IpFamily.V4) is { } ip ? await ByAddressAsync(ip, field, externalNetworkId) : null;
        }
        var text = row?.Ip ?? v4Ip!.Trim();
        return row is null || row.Released ? (text, null) : (text, await TargetAsync(row));
    }

    // POOL-1: the same address may be held in several pools (the overlay net192 and the underlay ibnics): the
    // target is the live one whose VPC reaches the floating IP's external network. None reaching it leaves a live
    // one for the decider to refuse (FipNetworkMismatch names its VPC); two reaching it are ambiguous.
    private async Task<AddressRow?> ByAddressAsync(string ip, string field, string externalNetworkId)
    {
        var rows = await world.AddressesAsync(ip);
        var live = rows.Where(r => !r.Released).ToList();
        var reaching = new List<AddressRow>();
        foreach (var row in live)
        {
            if ((await world.VpcAsync(row.Vpc))?.ExternalNetworkId == externalNetworkId)
            {
                reaching.Add(row);
            }
        }
        if (reaching.Count > 1)
        {
            throw new MeshException(new MeshError(ErrorCodes.InvalidField,
                $"{field} '{ip}' is held in {reaching.Count} subnets that reach this external network ({string.Join(", ", reaching.Select(r => $"{r.Subnet} of {r.Vpc}"))})",
                ErrorKind.Conflict, field, ip, "name the pod instead: ipName <pod>.<namespace>"));
        }
        return reaching.FirstOrDefault() ?? live.FirstOrDefault() ?? rows.FirstOrDefault();
    }

    public async Task<AllocatedTarget> TargetAsync(AddressRow row)
    {
        var vpc = await world.VpcAsync(row.Vpc);
        return new AllocatedTarget(row.Ip, row.Subnet, row.Vpc, vpc?.ExternalNetworkId, row.PodUid, row.Generation, await ScopeAsync(row.Vpc, vpc));
    }

    // A subnet as snat source, by name (vpcSubnet) or by its CIDR (v4IpCidr).
    public async Task<(string Cidr, SubnetTarget? Target)> SubnetAsync(string? vpcSubnet, string? cidr)
    {
        SubnetRow? subnet;
        if (!string.IsNullOrWhiteSpace(vpcSubnet))
        {
            subnet = await world.SubnetAsync(vpcSubnet.Trim());
            if (subnet?.CidrV4 is null)
            {
                throw new MeshException(FipErrors.TargetNotAllocated("vpcSubnet", vpcSubnet, "the VPC service announced no such subnet with an IPv4 CIDR"));
            }
        }
        else
        {
            subnet = IpPrefix.TryParseNormalised(cidr, out var c, out var hostBits) && !hostBits && c.Family == IpFamily.V4 ? await world.SubnetByCidrAsync(c.ToString()) : null;
        }
        if (subnet?.CidrV4 is null)
        {
            return (cidr!.Trim(), null);
        }
        var vpc = await world.VpcAsync(subnet.Vpc);
        return (subnet.CidrV4, new SubnetTarget(subnet.Name, subnet.CidrV4, subnet.Vpc, vpc?.ExternalNetworkId, await ScopeAsync(subnet.Vpc, vpc)));
    }

    // Where the VPC's NAT is programmed: its gateway node (the network node by default), or its NAT gateway.
    private async Task<RuleScope> ScopeAsync(string vpcName, VpcRow? vpc) =>
        new(vpc?.GatewayNode ?? options.DefaultGatewayNode, await world.NatGatewayOfAsync(vpcName));

    public static MeshError Missing(string field, string what) => new(ErrorCodes.MissingField,
        $"{field} is required: {what}", ErrorKind.Invalid, field, null, $"set spec.{field}");
}
