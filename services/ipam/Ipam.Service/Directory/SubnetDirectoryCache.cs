using Mesh.Ipam.Domain.Choosing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mesh.Ipam.Service.Directory;

/// <summary>
/// The subnet directory (IPAM-3) in memory, read from the inline tables: rebuilt on start, refreshed
/// when stale or on a miss, so that a subnet announced through another replica is found within
/// <see cref="IpamOptions.DirectoryRefresh"/>.
/// </summary>
public sealed class SubnetDirectoryCache(NpgsqlDataSource db, TimeProvider clock, IOptions<IpamOptions> options)
{
    private sealed record Loaded(SubnetDirectory Directory, IReadOnlyDictionary<string, string> VpcBySubnet, DateTimeOffset At);

    private volatile Loaded? _current;

    public async Task<SubnetDirectory> GetAsync(bool fresh = false, CancellationToken ct = default)
    {
        var current = _current;
        if (fresh || current is null || clock.GetUtcNow() - current.At > options.Value.DirectoryRefresh)
        {
            current = _current = await LoadAsync(ct);
        }
        return current.Directory;
    }

    public void Invalidate() => _current = null;

    /// <summary>The VPC of a pool (deleted ones too: old events still name them). A pool's VPC never changes.</summary>
    public string VpcOf(string subnet)
    {
        if (_current?.VpcBySubnet.TryGetValue(subnet, out var vpc) == true)
        {
            return vpc;
        }
        _current = LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _current.VpcBySubnet.GetValueOrDefault(subnet, "");
    }

    private async Task<Loaded> LoadAsync(CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var subnets = new List<KnownSubnet>();
        var vpcBySubnet = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var cmd = db.CreateCommand("SELECT name, vpc, provider, namespaces, deleted, cidr_block FROM ipam_subnets"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                vpcBySubnet[reader.GetString(0)] = reader.GetString(1);
                if (!reader.GetBoolean(4))
                {
                    subnets.Add(new KnownSubnet(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                        reader.IsDBNull(5) ? null : reader.GetString(5)));
                }
            }
        }
        var vpcs = new List<KnownVpc>();
        await using (var cmd = db.CreateCommand("SELECT name, namespaces, default_subnet FROM ipam_vpcs"))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                vpcs.Add(new KnownVpc(reader.GetString(0), reader.IsDBNull(2) ? "" : reader.GetString(2), reader.GetFieldValue<string[]>(1)));
            }
        }
        // VPC-1: ovn-cluster with ovn-default exists from the first start, announced or not.
        if (vpcs.All(v => v.Name != SubnetDirectory.Initial.DefaultVpc))
        {
            vpcs.AddRange(SubnetDirectory.Initial.Vpcs);
        }
        return new Loaded(new SubnetDirectory(subnets, vpcs), vpcBySubnet, at);
    }

    /// <summary>The VPC row as stored now (for deciding whether a VpcRecorded would change anything).</summary>
    public async Task<VpcRecorded?> StoredVpcAsync(string name, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT namespaces, default_subnet FROM ipam_vpcs WHERE name = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new VpcRecorded(name, reader.GetFieldValue<string[]>(0), reader.IsDBNull(1) ? null : reader.GetString(1))
            : null;
    }
}
