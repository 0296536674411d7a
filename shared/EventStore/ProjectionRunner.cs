using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>
/// Moves an async projection forward one batch at a time: the batch and its checkpoint are written
/// in one transaction, so every event is applied exactly once. A per-projection advisory lock makes
/// a rebuild and the daemon (or two replicas) take turns.
/// </summary>
public sealed class ProjectionRunner(NpgsqlDataSource dataSource, EventTypeRegistry types, EventStoreOptions options)
{
    /// <summary>Applies the next batch; returns how many events it applied.</summary>
    public async Task<int> StepAsync(IProjection projection, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, tx, projection.Name, ct);
        var checkpoint = await Checkpoints.GetAsync(conn, tx, projection.Name, ct);
        var batch = await EventReader.ReadCommittedAsync(conn, tx, types, checkpoint, options.BatchSize, ct);
        if (batch.Count == 0)
        {
            return 0;
        }
        await projection.ApplyAsync(new ProjectionContext(conn, tx), batch, ct);
        await Checkpoints.SetAsync(conn, tx, projection.Name, batch[^1].Position, ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    /// <summary>The projection's checkpoint: the last position it has applied.</summary>
    public async Task<long> CheckpointAsync(IProjection projection, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await Checkpoints.GetAsync(conn, null, projection.Name, ct);
    }

    /// <summary>Empties the read model and sets its checkpoint back to the start, in one transaction.</summary>
    public async Task ResetAsync(IProjection projection, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await LockAsync(conn, tx, projection.Name, ct);
        await projection.ResetAsync(new ProjectionContext(conn, tx), ct);
        await Checkpoints.SetAsync(conn, tx, projection.Name, 0, ct);
        await tx.CommitAsync(ct);
    }

    private static async Task LockAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string name, CancellationToken ct)
    {
        // An advisory lock assigns no transaction id, so the committed-only read that follows is not
        // held back by this very transaction.
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('mesh-projection:' || @n, 0))", conn, tx);
        cmd.Parameters.AddWithValue("n", name);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
