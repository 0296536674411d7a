using Npgsql;

namespace Mesh.Ipam.Service.Handlers;

/// <summary>Reads of the read models: current holders (inline, exact) and address history (async).</summary>
public sealed class IpamQueries(NpgsqlDataSource db)
{
    private const string AllocationColumns =
        "subnet, pod_uid, interface, pod_namespace, pod_name, node, project, v4, v6, mac, allocated_at, generation";

    private const string HistoryColumns =
        """
        ip, subnet, pod_uid, pod_namespace, pod_name, interface, node, project, mac, allocated_at, allocated_position,
        allocated_by, allocated_command, correlation_id, released_at, released_position, released_by, release_reason
        """;

    public Task<List<AllocationView>> HoldingsOfPodAsync(string podUid, CancellationToken ct) =>
        AllocationsAsync("pod_uid = $1", ct, podUid);

    public Task<List<AllocationView>> HoldingsOnNodeAsync(string node, CancellationToken ct) =>
        AllocationsAsync("node = $1", ct, node);

    public Task<List<AllocationView>> HoldersOfAsync(string ip, CancellationToken ct) =>
        AllocationsAsync("v4 = $1 OR v6 = $1", ct, ip);

    public Task<List<AllocationView>> InSubnetAsync(string subnet, CancellationToken ct) =>
        AllocationsAsync("subnet = $1", ct, subnet);

    /// <summary>Every holder of <paramref name="ip"/>, oldest first.</summary>
    public async Task<List<HistoryEntry>> HistoryAsync(string ip, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"SELECT {HistoryColumns} FROM address_history WHERE ip = $1 ORDER BY allocated_position");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ip });
        var list = new List<HistoryEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new HistoryEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetString(7), r.GetString(8), r.GetFieldValue<DateTimeOffset>(9), r.GetInt64(10), r.GetString(11),
                r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetGuid(13),
                r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14), r.IsDBNull(15) ? null : r.GetInt64(15),
                r.IsDBNull(16) ? null : r.GetString(16), r.IsDBNull(17) ? null : r.GetString(17)));
        }
        return list;
    }

    private async Task<List<AllocationView>> AllocationsAsync(string where, CancellationToken ct, string value)
    {
        await using var cmd = db.CreateCommand($"SELECT {AllocationColumns} FROM ipam_allocations WHERE {where} ORDER BY subnet, allocated_at, pod_uid");
        cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        var list = new List<AllocationView>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new AllocationView(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9),
                r.GetFieldValue<DateTimeOffset>(10), r.GetInt64(11)));
        }
        return list;
    }
}
