using System.Text.Json;
using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>Reads events from the log; the committed-only read that tailers rely on lives here.</summary>
public static class EventReader
{
    internal const string Columns = "position, stream_id, version, event_id, type, data::text, metadata::text, created_at";

    /// <summary>
    /// Up to <paramref name="max"/> events after <paramref name="afterPosition"/> whose transaction is
    /// older than every transaction still running. A transaction that commits late always holds
    /// positions above what this returned (see <c>mesh_append</c>), so a reader that checkpoints the
    /// last position returned never skips an event.
    /// </summary>
    public static async Task<IReadOnlyList<RecordedEvent>> ReadCommittedAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, EventTypeRegistry types, long afterPosition, int max, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand(
            $"""
            SELECT {Columns} FROM mesh_events
            WHERE position > @p AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY position LIMIT @n
            """, conn, tx);
        cmd.Parameters.AddWithValue("p", afterPosition);
        cmd.Parameters.AddWithValue("n", max);
        return await ReadAsync(cmd, types, ct);
    }

    internal static async Task<IReadOnlyList<RecordedEvent>> ReadAsync(NpgsqlCommand cmd, EventTypeRegistry types, CancellationToken ct)
    {
        var list = new List<RecordedEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var type = reader.GetString(4);
            var json = reader.GetString(5);
            list.Add(new RecordedEvent(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetGuid(3), type, json,
                JsonSerializer.Deserialize<EventMetadata>(reader.GetString(6), types.Json)!,
                reader.GetFieldValue<DateTimeOffset>(7))
            { Data = types.Deserialize(type, json) });
        }
        return list;
    }
}
