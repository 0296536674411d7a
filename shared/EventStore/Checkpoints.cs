using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>Named positions in the log: how far a tailer or projection has got.</summary>
public static class Checkpoints
{
    /// <summary>The checkpoint, or 0 when it has never been written.</summary>
    public static async Task<long> GetAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT position FROM mesh_checkpoints WHERE name = @n", conn, tx);
        cmd.Parameters.AddWithValue("n", name);
        return await cmd.ExecuteScalarAsync(ct) is long p ? p : 0;
    }

    /// <summary>Writes the checkpoint.</summary>
    public static async Task SetAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string name, long position, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            """
            INSERT INTO mesh_checkpoints (name, position, updated_at) VALUES (@n, @p, now())
            ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
            """, conn, tx);
        cmd.Parameters.AddWithValue("n", name);
        cmd.Parameters.AddWithValue("p", position);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Every checkpoint (for SRE status).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> AllAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT name, position FROM mesh_checkpoints ORDER BY name");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var all = new Dictionary<string, long>();
        while (await reader.ReadAsync(ct))
        {
            all[reader.GetString(0)] = reader.GetInt64(1);
        }
        return all;
    }
}
