using System.Text.Json;
using Mesh.EventSourcing;
using Mesh.Gpu.Domain;
using Npgsql;

namespace Mesh.Gpu.Service.Projections;

/// <summary>Reads the committed cluster view: every node rebuilt with the assignments it holds.</summary>
public sealed class ClusterView(EventStore store)
{
    private readonly JsonSerializerOptions json = store.Types.Json;

    public async Task<IReadOnlyList<GpuNode>> NodesAsync(string? only = null, CancellationToken ct = default)
    {
        var nodes = new Dictionary<string, GpuNode>(StringComparer.Ordinal);
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        // One snapshot for both reads, so an assignment is never seen without its node's inventory or twice.
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var cmd = new NpgsqlCommand(
            "SELECT name, arch, labels::text, taints::text, devices::text FROM gpu_nodes WHERE @n::text IS NULL OR name = @n ORDER BY name", conn, tx))
        {
            cmd.Parameters.Add(Text(only));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var name = reader.GetString(0);
                var node = new GpuNode(name);
                node.Apply(new GpuNodeRegistered(name, reader.GetString(1),
                    Read<Dictionary<string, string>>(reader.GetString(2)), Read<List<Taint>>(reader.GetString(3)),
                    Read<List<GpuDevice>>(reader.GetString(4))));
                nodes[name] = node;
            }
        }
        foreach (var a in await AssignmentsAsync(conn, tx, "@n::text IS NULL OR node = @n", only, ct))
        {
            nodes.GetValueOrDefault(a.Node)?.Apply(a);
        }
        await tx.CommitAsync(ct);
        return nodes.Values.ToList();
    }

    /// <summary>Where a pod holds cards (normally one node).</summary>
    public async Task<IReadOnlyList<GpuDevicesAssigned>> AssignmentsOfAsync(string podUid, CancellationToken ct = default)
    {
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        return await AssignmentsAsync(conn, null, "pod_uid = @n", podUid, ct);
    }

    private async Task<IReadOnlyList<GpuDevicesAssigned>> AssignmentsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string where,
        string? arg, CancellationToken ct)
    {
        var list = new List<GpuDevicesAssigned>();
        await using var cmd = new NpgsqlCommand($"SELECT data::text FROM gpu_assignments WHERE {where} ORDER BY node, pod_uid", conn, tx);
        cmd.Parameters.Add(Text(arg));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(Read<GpuDevicesAssigned>(reader.GetString(0)));
        }
        return list;
    }

    private static NpgsqlParameter Text(string? value) =>
        new("n", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private T Read<T>(string text) => JsonSerializer.Deserialize<T>(text, json)!;
}
