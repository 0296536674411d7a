using Mesh.Addressing;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Vpc;
using Npgsql;

namespace Mesh.Fip.Service.World;

// Records what the VPC and IPAM services announce. Every write is idempotent (upserts); addresses are kept
// per pool (POOL-1: one address may be held in two routing domains) and ordered by IPAM's generation of that
// pool, so a duplicate or late event never undoes a newer one (FIP-6).
public sealed class WorldWriter(NpgsqlDataSource db)
{
    public Task ExternalNetworkAsync(ExternalNetworkAnnounced e) => RunAsync("""
        INSERT INTO world_external_networks (id, name, cidr, gateway) VALUES (@i, @n, @c, @g)
        ON CONFLICT (id) DO UPDATE SET name = @n, cidr = @c, gateway = @g
        """, ("i", e.Id), ("n", e.Name), ("c", e.Cidr), ("g", e.Gateway));

    public Task VpcAsync(VpcAnnounced e) => RunAsync("""
        INSERT INTO world_vpcs (name, external_network_id, gateway_node) VALUES (@n, @x, @g)
        ON CONFLICT (name) DO UPDATE SET external_network_id = @x, gateway_node = @g
        """, ("n", e.Name), ("x", Blank(e.ExternalNetworkId)), ("g", Blank(e.GatewayNode)));

    public Task VpcRemovedAsync(VpcRemoved e) => RunAsync("DELETE FROM world_vpcs WHERE name = @n", ("n", e.Name));

    public Task SubnetAsync(SubnetAnnounced e) => RunAsync("""
        INSERT INTO world_subnets (name, vpc, cidr_v4) VALUES (@n, @v, @c)
        ON CONFLICT (name) DO UPDATE SET vpc = @v, cidr_v4 = @c
        """, ("n", e.Name), ("v", e.Vpc), ("c", e.CidrBlock.Split(',').Select(c => c.Trim()).FirstOrDefault(c => IpPrefix.TryParseNormalised(c, out var p, out _) && p.Family == IpFamily.V4)));

    public Task SubnetRemovedAsync(SubnetRemoved e) => RunAsync("DELETE FROM world_subnets WHERE name = @n", ("n", e.Name));

    public Task NatGatewayAsync(NatGatewayAnnounced e) => RunAsync("""
        INSERT INTO world_nat_gateways (name, vpc) VALUES (@n, @v) ON CONFLICT (name) DO UPDATE SET vpc = @v
        """, ("n", e.Name), ("v", e.Vpc));

    public Task NatGatewayRemovedAsync(NatGatewayRemoved e) => RunAsync("DELETE FROM world_nat_gateways WHERE name = @n", ("n", e.Name));

    public async Task AllocatedAsync(AddressAllocated e)
    {
        foreach (var ip in Addresses(e.IpAddress))
        {
            await RunAsync("""
                INSERT INTO world_addresses (ip, pod_uid, pod_namespace, pod_name, subnet, vpc, node, project, generation, released)
                VALUES (@i, @u, @ns, @p, @s, @v, @node, @proj, @g, false)
                ON CONFLICT (subnet, ip) DO UPDATE SET pod_uid = @u, pod_namespace = @ns, pod_name = @p, vpc = @v,
                    node = @node, project = @proj, generation = @g, released = false
                WHERE world_addresses.generation < @g
                """, ("i", ip), ("u", e.PodUid), ("ns", e.PodNamespace), ("p", e.PodName), ("s", e.Subnet), ("v", e.Vpc),
                ("node", e.Node), ("proj", e.Project), ("g", e.Generation));
        }
    }

    // A release of the current (or a not yet seen, newer) allocation; older generations change nothing.
    public async Task ReleasedAsync(AddressReleased e)
    {
        foreach (var ip in Addresses(e.IpAddress))
        {
            await RunAsync("""
                INSERT INTO world_addresses (ip, pod_uid, pod_namespace, pod_name, subnet, vpc, node, project, generation, released)
                VALUES (@i, @u, '', '', @s, @v, @node, '', @g, true)
                ON CONFLICT (subnet, ip) DO UPDATE SET released = true, generation = @g, pod_uid = @u
                WHERE world_addresses.generation <= @g
                """, ("i", ip), ("u", e.PodUid), ("s", e.Subnet), ("v", e.Vpc), ("node", e.Node), ("g", e.Generation));
        }
    }

    public static IEnumerable<string> Addresses(string ipAddress) =>
        ipAddress.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => IpAddress.Canonical(a, IpFamily.V4) ?? a);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private async Task RunAsync(string sql, params (string, object?)[] args)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await Sql.ExecuteAsync(conn, tx, sql, args);
        await tx.CommitAsync();
    }
}
