using Npgsql;

namespace Mesh.Messaging;

/// <summary>
/// The inbox of idempotent consumers, in the service's own database: a message id is processed once
/// per consumer. The inbox row commits in the same transaction as the handler's own writes.
/// </summary>
public sealed class Inbox(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>
    /// Runs <paramref name="handler"/> in a transaction unless <paramref name="consumer"/> has already
    /// processed <paramref name="messageId"/>; returns false for a duplicate.
    /// </summary>
    public async Task<bool> ProcessOnceAsync(string consumer, Guid messageId,
        Func<NpgsqlConnection, NpgsqlTransaction, Task> handler, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand(
            "INSERT INTO mesh_inbox (consumer, message_id, processed_at) VALUES (@c, @m, @t) ON CONFLICT DO NOTHING", conn, tx))
        {
            cmd.Parameters.AddWithValue("c", consumer);
            cmd.Parameters.AddWithValue("m", messageId);
            cmd.Parameters.AddWithValue("t", clock.GetUtcNow());
            // A concurrent copy of the same message waits here for the first to commit, then sees the row.
            if (await cmd.ExecuteNonQueryAsync(ct) == 0)
            {
                return false;
            }
        }
        await handler(conn, tx);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Forgets inbox rows older than <paramref name="age"/> (duplicates arrive within minutes, not days).</summary>
    public async Task<int> PruneAsync(TimeSpan age, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("DELETE FROM mesh_inbox WHERE processed_at < @t");
        cmd.Parameters.AddWithValue("t", clock.GetUtcNow() - age);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
