using MassTransit;
using Mesh.EventSourcing;
using Mesh.Messaging;

namespace Mesh.Store.Bench;

public sealed record CounterIncremented(string Counter, int By);

public sealed record Appended(string Stream, long Position, DateTimeOffset RecordedAt);

public sealed record Echo(int N);

public sealed record EchoReply(int N);

public sealed class AppendedMapper : IEventContractMapper
{
    public IEnumerable<object> Map(RecordedEvent recorded) => [new Appended(recorded.StreamId, recorded.Position, recorded.Timestamp)];
}

/// <summary>The bus limit: a consumer that only answers.</summary>
public sealed class EchoConsumer : IConsumer<Echo>
{
    public Task Consume(ConsumeContext<Echo> context) => context.RespondAsync(new EchoReply(context.Message.N));
}

/// <summary>Per-stream totals, one upsert per stream per batch (how a projection meant to rebuild fast is written).</summary>
public sealed class TotalsProjection : IAsyncProjection
{
    public string Name => "bench_totals";

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var totals = new Dictionary<string, long>();
        foreach (var e in events)
        {
            if (e.Data is CounterIncremented c)
            {
                totals[e.StreamId] = totals.GetValueOrDefault(e.StreamId) + c.By;
            }
        }
        await using var cmd = context.Command(
            """
            INSERT INTO bench_totals (stream, total) SELECT * FROM unnest(@s, @t)
            ON CONFLICT (stream) DO UPDATE SET total = bench_totals.total + excluded.total
            """);
        cmd.Parameters.AddWithValue("s", totals.Keys.ToArray());
        cmd.Parameters.AddWithValue("t", totals.Values.ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var cmd = context.Command("CREATE TABLE IF NOT EXISTS bench_totals (stream text PRIMARY KEY, total bigint NOT NULL); TRUNCATE bench_totals");
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
