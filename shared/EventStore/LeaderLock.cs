using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>
/// Leadership among replicas through a session advisory lock: held while the connection lives,
/// released by PostgreSQL when the holder dies, and explicitly when the holder steps down (pooled
/// connections are not reset on return, see <see cref="EventStoreServiceCollectionExtensions"/>).
/// </summary>
public sealed class LeaderLock : IAsyncDisposable
{
    private readonly long _key;

    private LeaderLock(NpgsqlConnection connection, long key)
    {
        Connection = connection;
        _key = key;
    }

    /// <summary>The connection that holds the lock (usable for the leader's own reads).</summary>
    public NpgsqlConnection Connection { get; }

    /// <summary>The lock named <paramref name="name"/>, or null if another replica holds it.</summary>
    public static async Task<LeaderLock?> TryAcquireAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(
                "SELECT k, pg_try_advisory_lock(k) FROM (SELECT hashtextextended('mesh-leader:' || @n, 0) AS k) q", conn);
            cmd.Parameters.AddWithValue("n", name);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var (key, held) = (reader.GetInt64(0), reader.GetBoolean(1));
            await reader.DisposeAsync();
            if (held)
            {
                return new LeaderLock(conn, key);
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Connection.FullState == System.Data.ConnectionState.Open)
            {
                await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(@k)", Connection);
                cmd.Parameters.AddWithValue("k", _key);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // A broken connection is discarded by the pool; its session, and the lock, end with it.
        }
        finally
        {
            await Connection.DisposeAsync();
        }
    }
}
