using Mesh.Addressing;
using Npgsql;

namespace Mesh.Fip.Service.World;

public sealed record VpcRow(string Name, string? ExternalNetworkId, string? GatewayNode);

public sealed record SubnetRow(string Name, string Vpc, string? CidrV4);

public sealed record AddressRow(string Ip, string PodUid, string PodNamespace, string PodName, string Subnet, string Vpc,
    string Node, string Project, long Generation, bool Released);

// Reads the world the VPC and IPAM services announced (FIP-4): external networks, VPCs, subnets, NAT
// gateways and IPAM's allocations.
public sealed class WorldModel(NpgsqlDataSource db)
{
    public Task<VpcRow?> VpcAsync(string name) => Sql.FirstAsync(db,
        "SELECT name, external_network_id, gateway_node FROM world_vpcs WHERE name = @n",
        r => new VpcRow(r.GetString(0), r.Text(1), r.Text(2)), ("n", name));

    public Task<SubnetRow?> SubnetAsync(string name) => Sql.FirstAsync(db,
        "SELECT name, vpc, cidr_v4 FROM world_subnets WHERE name = @n",
        r => new SubnetRow(r.GetString(0), r.GetString(1), r.Text(2)), ("n", name));

    public Task<SubnetRow?> SubnetByCidrAsync(string cidr) => Sql.FirstAsync(db,
        "SELECT name, vpc, cidr_v4 FROM world_subnets WHERE cidr_v4 = @c ORDER BY name",
        r => new SubnetRow(r.GetString(0), r.GetString(1), r.Text(2)), ("c", cidr));

    public async Task<string?> NatGatewayOfAsync(string vpc) => (await Sql.FirstAsync(db,
        "SELECT name FROM world_nat_gateways WHERE vpc = @v ORDER BY name", r => r.GetString(0), ("v", vpc)));

    public async Task<(string Id, string Name, string Cidr, string Gateway)?> ExternalNetworkAsync(string idOrName)
    {
        var rows = await Sql.QueryAsync(db, "SELECT id, name, cidr, gateway FROM world_external_networks WHERE id = @k OR name = @k ORDER BY id = @k DESC",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), ("k", idOrName));
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<List<(string Id, string Name, string Cidr)>> ExternalNetworksAsync() => Sql.QueryAsync(db,
        "SELECT id, name, cidr FROM world_external_networks ORDER BY name", r => (r.GetString(0), r.GetString(1), r.GetString(2)));

    /// <summary>The address in one pool.</summary>
    public Task<AddressRow?> AddressAsync(string subnet, string ip) =>
        Sql.FirstAsync(db, $"{Select} WHERE subnet = @s AND ip = @i", Read, ("s", subnet), ("i", ip));

    /// <summary>POOL-1: every pool's record of the address (the overlay and an underlay may both hold it), live ones first.</summary>
    public Task<List<AddressRow>> AddressesAsync(string ip) =>
        Sql.QueryAsync(db, $"{Select} WHERE ip = @i ORDER BY released, subnet", Read, ("i", ip));

    // Kube-OVN's ipName: the IP resource of a pod's primary interface, <pod>.<namespace>.
    public async Task<AddressRow?> AddressByIpNameAsync(string ipName) =>
        (await Sql.QueryAsync(db, $"{Select} WHERE pod_name || '.' || pod_namespace = @n AND NOT released ORDER BY generation DESC",
            Read, ("n", ipName))).FirstOrDefault(a => IpAddress.TryParse(a.Ip, IpFamily.V4, out _));

    private const string Select =
        "SELECT ip, pod_uid, pod_namespace, pod_name, subnet, vpc, node, project, generation, released FROM world_addresses";

    private static AddressRow Read(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetInt64(8), r.GetBoolean(9));
}
