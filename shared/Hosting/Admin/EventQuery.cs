using System.Text.Json;
using Mesh.EventSourcing;
using Npgsql;
using NpgsqlTypes;

namespace Mesh.Hosting.Admin;

/// <summary>Filters over a service's log for SRE reads (history, audit, replay).</summary>
public sealed record EventQuery(long After = 0, long? To = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null,
    string? Stream = null, string? StreamPrefix = null, string? Type = null, string? Contains = null, int Limit = 1000)
{
    /// <summary>The matching events in log order.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> RunAsync(NpgsqlDataSource dataSource, EventTypeRegistry types, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            """
            SELECT position, stream_id, version, event_id, type, data::text, metadata::text, created_at FROM mesh_events
            WHERE position > @after AND (@to::bigint IS NULL OR position <= @to)
              AND (@since::timestamptz IS NULL OR created_at >= @since) AND (@until::timestamptz IS NULL OR created_at <= @until)
              AND (@stream::text IS NULL OR stream_id = @stream) AND (@prefix::text IS NULL OR starts_with(stream_id, @prefix))
              AND (@type::text IS NULL OR type = @type) AND (@contains::text IS NULL OR strpos(data::text, @contains) > 0)
            ORDER BY position LIMIT @limit
            """);
        cmd.Parameters.AddWithValue("after", After);
        cmd.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Bigint) { Value = (object?)To ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.TimestampTz) { Value = (object?)Since ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("until", NpgsqlDbType.TimestampTz) { Value = (object?)Until ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("stream", NpgsqlDbType.Text) { Value = (object?)Stream ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("prefix", NpgsqlDbType.Text) { Value = (object?)StreamPrefix ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("type", NpgsqlDbType.Text) { Value = (object?)Type ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("contains", NpgsqlDbType.Text) { Value = (object?)Contains ?? DBNull.Value });
        cmd.Parameters.AddWithValue("limit", Math.Clamp(Limit, 1, 100_000));
        var list = new List<RecordedEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new RecordedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetString(4),
                reader.GetString(5), JsonSerializer.Deserialize<EventMetadata>(reader.GetString(6), types.Json)!, reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return list;
    }

    /// <summary>The wire form of an event for SRE tools: the body as JSON, not a string.</summary>
    public static object ToWire(RecordedEvent e) => new
    {
        e.Position,
        e.StreamId,
        e.Version,
        e.EventId,
        e.Type,
        Data = JsonDocument.Parse(e.DataJson).RootElement,
        e.Metadata,
        e.Timestamp,
    };
}
