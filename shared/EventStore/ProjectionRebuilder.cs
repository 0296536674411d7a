using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>
/// Rebuilds a read model from the log alone (DOMAIN.md SRE-2). An inline projection is rebuilt in
/// one transaction that holds appends back, so it never misses or doubles an event; an async one is
/// reset and then caught up batch by batch while the service keeps running.
/// </summary>
public sealed class ProjectionRebuilder(
    NpgsqlDataSource dataSource, EventTypeRegistry types, ProjectionRunner runner, EventStoreOptions options)
{
    /// <summary>Rebuilds <paramref name="projection"/>; reports (events applied, last position) as it goes.</summary>
    public async Task<long> RebuildAsync(IProjection projection, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        var total = await LastPositionAsync(ct);
        if (projection is IAsyncProjection)
        {
            await runner.ResetAsync(projection, ct);
            long done = 0;
            while (true)
            {
                var n = await runner.StepAsync(projection, ct);
                done += n;
                if (n > 0)
                {
                    progress?.Report((done, total));
                    continue;
                }
                // Nothing readable can also mean "held back": a transaction anywhere on the server that
                // started before the last append is still open. Wait it out until the head seen at start.
                if (await runner.CheckpointAsync(projection, ct) >= total)
                {
                    return done;
                }
                await Task.Delay(20, ct);
            }
        }
        return await RebuildInlineAsync(projection, total, progress, ct);
    }

    private async Task<long> RebuildInlineAsync(IProjection projection, long total, IProgress<(long Done, long Total)>? progress, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("LOCK TABLE mesh_events IN SHARE MODE", conn, tx))
        {
            await lockCmd.ExecuteNonQueryAsync(ct);
        }
        var context = new ProjectionContext(conn, tx);
        await projection.ResetAsync(context, ct);
        long after = 0, done = 0;
        var batchSize = Math.Max(options.BatchSize, 5000);
        while (true)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT {EventReader.Columns} FROM mesh_events WHERE position > @p ORDER BY position LIMIT @n", conn, tx);
            cmd.Parameters.AddWithValue("p", after);
            cmd.Parameters.AddWithValue("n", batchSize);
            var batch = await EventReader.ReadAsync(cmd, types, ct);
            if (batch.Count == 0)
            {
                break;
            }
            await projection.ApplyAsync(context, batch, ct);
            after = batch[^1].Position;
            done += batch.Count;
            progress?.Report((done, total));
        }
        await tx.CommitAsync(ct);
        return done;
    }

    private async Task<long> LastPositionAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT coalesce(max(position), 0) FROM mesh_events");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
