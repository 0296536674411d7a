using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>
/// Leadership among replicas through a session advisory lock: held while the connection lives,
/// released by PostgreSQL when the holder dies.
/// </summary>
public static class LeaderLock
{
    /// <summary>An open connection holding the lock named <paramref name="name"/>, or null if another replica holds it.</summary>
    public static async Task<NpgsqlConnection?> TryAcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended('mesh-leader:' || @n, 0))", conn);
            cmd.Parameters.AddWithValue("n", name);
            if (await cmd.ExecuteScalarAsync(ct) is true)
            {
                return conn;
            }
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
        await conn.DisposeAsync();
        return null;
    }
}
