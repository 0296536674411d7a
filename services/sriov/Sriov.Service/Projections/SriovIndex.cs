using Npgsql;

namespace Mesh.Sriov.Service.Projections;

/// Reads of the index the projection keeps.
public sealed class SriovIndex(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<string>> NodesAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT node FROM sriov_nodes ORDER BY node");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var nodes = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            nodes.Add(reader.GetString(0));
        }
        return nodes;
    }

    public async Task<(string Node, string Project)?> PodAsync(string podUid, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT node, project FROM sriov_pod_vfs WHERE pod_uid = @u");
        cmd.Parameters.AddWithValue("u", podUid);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetString(1)) : null;
    }
}
