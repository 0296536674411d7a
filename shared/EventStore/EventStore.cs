using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Mesh.EventSourcing;

/// <summary>
/// The event store over one PostgreSQL database: Marten-shaped (start stream, append with expected
/// version, fetch stream, aggregate, read all by global position) so that it could be swapped.
/// </summary>
public sealed class EventStore(
    NpgsqlDataSource dataSource,
    EventTypeRegistry types,
    IEnumerable<IInlineProjection> inlineProjections,
    TimeProvider clock)
{
    private readonly IInlineProjection[] _inline = inlineProjections.ToArray();

    /// <summary>The database this store writes to.</summary>
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>The registered event types.</summary>
    public EventTypeRegistry Types => types;

    /// <summary>Starts a new stream; fails with <see cref="ConcurrencyException"/> if it exists.</summary>
    public Task<AppendResult> StartStreamAsync(string streamId, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken ct = default) =>
        AppendAsync(streamId, ExpectedVersion.NoStream, events, metadata, ct);

    /// <summary>Appends events to one stream at <paramref name="expectedVersion"/>.</summary>
    public Task<AppendResult> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken ct = default) =>
        AppendAsync([new StreamAppend(streamId, expectedVersion, events.Select(e => new NewEvent(e, metadata)).ToArray())], ct);

    /// <summary>
    /// Appends to several streams in one transaction (a group commit), running the inline
    /// projections in the same transaction. All or nothing.
    /// </summary>
    public async Task<AppendResult> AppendAsync(IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        if (appends.Select(a => a.StreamId).Distinct(StringComparer.Ordinal).Count() != appends.Count)
        {
            throw new ArgumentException("a stream may appear only once in one append", nameof(appends));
        }
        if (appends.Sum(a => a.Events.Count) == 0)
        {
            return new AppendResult([]);
        }
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        if (_inline.Length == 0)
        {
            return await AppendCoreAsync(conn, null, appends, ct);
        }
        await using var tx = await conn.BeginTransactionAsync(ct);
        var result = await AppendCoreAsync(conn, tx, appends, ct);
        var resolved = result.Events.Select(types.Resolve).ToArray();
        foreach (var projection in _inline)
        {
            await projection.ApplyAsync(new ProjectionContext(conn, tx), resolved, ct);
        }
        await tx.CommitAsync(ct);
        return new AppendResult(resolved);
    }

    /// <summary>Appends inside a transaction the caller owns (an inbox or a saga step).</summary>
    public async Task<AppendResult> AppendAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<StreamAppend> appends, CancellationToken ct = default)
    {
        var result = await AppendCoreAsync(conn, tx, appends, ct);
        var resolved = result.Events.Select(types.Resolve).ToArray();
        foreach (var projection in _inline)
        {
            await projection.ApplyAsync(new ProjectionContext(conn, tx), resolved, ct);
        }
        return new AppendResult(resolved);
    }

    private async Task<AppendResult> AppendCoreAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var flat = appends.SelectMany((a, i) => a.Events.Select(e => (Stream: i, Event: e))).ToArray();
        await using var cmd = new NpgsqlCommand(
            "SELECT out_position, out_version FROM mesh_append(@s, @x, @es, @ids, @t, @d, @m, @now)", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("s", appends.Select(a => a.StreamId).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<long[]>("x", appends.Select(a => a.ExpectedVersion).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<int[]>("es", flat.Select(f => f.Stream + 1).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]>("ids", flat.Select(f => f.Event.EventId).ToArray()));
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("t", flat.Select(f => types.NameOf(f.Event.Data.GetType())).ToArray()));
        var data = flat.Select(f => types.Serialize(f.Event.Data)).ToArray();
        var meta = flat.Select(f => JsonSerializer.Serialize(f.Event.Metadata, types.Json)).ToArray();
        cmd.Parameters.Add(new NpgsqlParameter("d", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = data });
        cmd.Parameters.Add(new NpgsqlParameter("m", NpgsqlDbType.Array | NpgsqlDbType.Jsonb) { Value = meta });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        var recorded = new List<RecordedEvent>(flat.Length);
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var i = 0;
            while (await reader.ReadAsync(ct))
            {
                var (stream, e) = flat[i];
                recorded.Add(new RecordedEvent(reader.GetInt64(0), appends[stream].StreamId, reader.GetInt64(1), e.EventId,
                    types.NameOf(e.Data.GetType()), data[i], e.Metadata, now) { Data = e.Data });
                i++;
            }
        }
        catch (PostgresException ex) when (ex.SqlState == "MS001")
        {
            // The message text is never redacted (details are, unless the connection asks for them).
            var conflict = appends.First(a => ex.MessageText.StartsWith($"stream {a.StreamId} is at version ", StringComparison.Ordinal));
            var actual = long.Parse(ex.MessageText[$"stream {conflict.StreamId} is at version ".Length..].Split(',')[0]);
            throw new ConcurrencyException(conflict.StreamId, conflict.ExpectedVersion, actual);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Only an event id reused by the caller gets here: versions are guarded by the lock above.
            throw new InvalidOperationException($"an event with the same id was already appended ({ex.ConstraintName})", ex);
        }
        return new AppendResult(recorded);
    }

    /// <summary>The stream's events after <paramref name="afterVersion"/>, in order.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> FetchStreamAsync(string streamId, long afterVersion = 0, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            $"SELECT {EventReader.Columns} FROM mesh_events WHERE stream_id = @s AND version > @v AND (@t::timestamptz IS NULL OR created_at <= @t) ORDER BY version");
        cmd.Parameters.AddWithValue("s", streamId);
        cmd.Parameters.AddWithValue("v", afterVersion);
        cmd.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.TimestampTz) { Value = (object?)asOf ?? DBNull.Value });
        return await EventReader.ReadAsync(cmd, types, ct);
    }

    /// <summary>The stream's current version (0 when it does not exist).</summary>
    public async Task<long> StreamVersionAsync(string streamId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT version FROM mesh_streams WHERE stream_id = @s");
        cmd.Parameters.AddWithValue("s", streamId);
        return await cmd.ExecuteScalarAsync(ct) is long v ? v : 0;
    }

    /// <summary>
    /// Events after <paramref name="afterPosition"/> in global order, everything recorded so far
    /// (for SRE reads). Tailers use <see cref="EventReader.ReadCommittedAsync"/> instead.
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(long afterPosition, int max, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            $"SELECT {EventReader.Columns} FROM mesh_events WHERE position > @p ORDER BY position LIMIT @n");
        cmd.Parameters.AddWithValue("p", afterPosition);
        cmd.Parameters.AddWithValue("n", max);
        return await EventReader.ReadAsync(cmd, types, ct);
    }

    /// <summary>
    /// Folds a stream into state, starting from its snapshot when <paramref name="snapshots"/> is given and one exists.
    /// </summary>
    public async Task<(TState State, long Version)> AggregateStreamAsync<TState>(
        string streamId, Func<TState> initial, Func<TState, object, TState> apply,
        ISnapshotCodec<TState>? snapshots = null, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var state = initial();
        long version = 0;
        if (snapshots is not null && asOf is null && await LoadSnapshotAsync(streamId, snapshots.Type, ct) is { } snap)
        {
            state = snapshots.Deserialize(snap.Json);
            version = snap.Version;
        }
        foreach (var e in await FetchStreamAsync(streamId, version, asOf, ct))
        {
            if (e.Data is { } data)
            {
                state = apply(state, data);
            }
            version = e.Version;
        }
        return (state, version);
    }

    /// <summary>Stores the state of a stream at a version, replacing an older snapshot.</summary>
    public async Task SaveSnapshotAsync(string streamId, long version, string type, string json, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(
            """
            INSERT INTO mesh_snapshots (stream_id, version, type, data, created_at) VALUES (@s, @v, @t, @d::jsonb, now())
            ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, type = excluded.type, data = excluded.data, created_at = excluded.created_at
            WHERE mesh_snapshots.version < excluded.version OR mesh_snapshots.type <> excluded.type
            """);
        cmd.Parameters.AddWithValue("s", streamId);
        cmd.Parameters.AddWithValue("v", version);
        cmd.Parameters.AddWithValue("t", type);
        cmd.Parameters.AddWithValue("d", json);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The latest snapshot of <paramref name="type"/>, if any.</summary>
    public async Task<(long Version, string Json)?> LoadSnapshotAsync(string streamId, string type, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("SELECT version, data::text FROM mesh_snapshots WHERE stream_id = @s AND type = @t");
        cmd.Parameters.AddWithValue("s", streamId);
        cmd.Parameters.AddWithValue("t", type);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }
}
