using Mesh.EventSourcing;

namespace Mesh.Foundation.Tests;

/// <summary>Per-stream totals of <see cref="CounterIncremented"/>, in a table of its own.</summary>
public abstract class CounterTotals(string table) : IVerifiableProjection
{
    public string Table => table;
    public string Name => table;
    public IReadOnlyList<(string Table, string Columns)> Tables => [(table, "*")];

    public static string Schema(string table) =>
        $"CREATE TABLE IF NOT EXISTS {table} (stream text PRIMARY KEY, total bigint NOT NULL, events int NOT NULL, last_position bigint NOT NULL)";

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            if (e.Data is not CounterIncremented c)
            {
                continue;
            }
            await using var cmd = context.Command(
                $"""
                INSERT INTO {table} (stream, total, events, last_position) VALUES (@s, @b, 1, @p)
                ON CONFLICT (stream) DO UPDATE SET total = {table}.total + @b, events = {table}.events + 1, last_position = @p
                """);
            cmd.Parameters.AddWithValue("s", e.StreamId);
            cmd.Parameters.AddWithValue("b", (long)c.By);
            cmd.Parameters.AddWithValue("p", e.Position);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var cmd = context.Command($"TRUNCATE {table}");
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

public sealed class InlineCounterTotals() : CounterTotals("counter_totals_inline"), IInlineProjection;

public sealed class AsyncCounterTotals() : CounterTotals("counter_totals_async"), IAsyncProjection;
