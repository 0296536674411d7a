using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>
/// Proves a read model equals the fold of its events (DOMAIN.md SRE-2): in one transaction, hash its
/// tables, rebuild it from the log, hash again, and roll everything back. Nothing changes.
/// </summary>
public sealed class ProjectionVerifier(NpgsqlDataSource dataSource, EventTypeRegistry types)
{
    /// <summary>True when the stored read model equals a fresh fold of the log.</summary>
    public async Task<(bool Equal, string Stored, string Rebuilt, long Events)> VerifyAsync(IVerifiableProjection projection, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long upTo;
        if (projection is IAsyncProjection)
        {
            await using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('mesh-projection:' || @n, 0))", conn, tx))
            {
                lockCmd.Parameters.AddWithValue("n", projection.Name);
                await lockCmd.ExecuteNonQueryAsync(ct);
            }
            upTo = await Checkpoints.GetAsync(conn, tx, projection.Name, ct);
        }
        else
        {
            await using (var lockCmd = new NpgsqlCommand("LOCK TABLE mesh_events IN SHARE MODE", conn, tx))
            {
                await lockCmd.ExecuteNonQueryAsync(ct);
            }
            upTo = long.MaxValue;
        }
        var stored = await HashAsync(conn, tx, projection, ct);
        var context = new ProjectionContext(conn, tx);
        await projection.ResetAsync(context, ct);
        long after = 0, events = 0;
        while (true)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT {EventReader.Columns} FROM mesh_events WHERE position > @p AND position <= @u ORDER BY position LIMIT 5000", conn, tx);
            cmd.Parameters.AddWithValue("p", after);
            cmd.Parameters.AddWithValue("u", upTo);
            var batch = await EventReader.ReadAsync(cmd, types, ct);
            if (batch.Count == 0)
            {
                break;
            }
            await projection.ApplyAsync(context, batch, ct);
            after = batch[^1].Position;
            events += batch.Count;
        }
        var rebuilt = await HashAsync(conn, tx, projection, ct);
        await tx.RollbackAsync(ct);
        return (stored == rebuilt, stored, rebuilt, events);
    }

    private static async Task<string> HashAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IVerifiableProjection projection, CancellationToken ct)
    {
        var parts = new List<string>();
        foreach (var (table, columns) in projection.Tables)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM (SELECT {columns} FROM {table}) x", conn, tx);
            parts.Add($"{table}={await cmd.ExecuteScalarAsync(ct)}");
        }
        return string.Join(";", parts);
    }
}
