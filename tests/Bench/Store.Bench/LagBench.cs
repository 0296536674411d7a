using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Mesh.EventSourcing;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Store.Bench;

/// <summary>
/// Item 4: append-to-subscriber lag at half the maximum append rate, with a transaction held open for
/// 5 s in the middle; every position must arrive exactly once.
/// </summary>
public static class LagBench
{
    public sealed class Received
    {
        public ConcurrentDictionary<long, int> Positions { get; } = new();
        public ConcurrentBag<(double LagMs, DateTimeOffset At)> Lags { get; } = [];
    }

    public sealed class LagConsumer(Received received) : IConsumer<Appended>
    {
        public Task Consume(ConsumeContext<Appended> context)
        {
            received.Positions.AddOrUpdate(context.Message.Position, 1, (_, n) => n + 1);
            received.Lags.Add(((DateTimeOffset.UtcNow - context.Message.RecordedAt).TotalMilliseconds, DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        }
    }

    public static async Task RunAsync(TestDatabase db, TestVirtualHost vhost, double maxRate, int seconds)
    {
        var received = new Received();
        using var consumer = await BenchHost.StartAsync(db, vhost, publisher: false,
            consumers: x => x.AddConsumer<LagConsumer>(), services: s => s.AddSingleton(received));
        using var publisher = await BenchHost.StartAsync(db, vhost, publisher: true);
        var store = publisher.Services.GetRequiredService<EventStore>();
        var meta = new EventMetadata("bench", Guid.NewGuid());
        var before = await db.ScalarAsync<long>("SELECT coalesce(max(position), 0) FROM mesh_events");
        var rate = Math.Max(50, maxRate / 2);
        var writers = 8;
        var perWriterInterval = TimeSpan.FromSeconds(writers / rate);
        var stop = Stopwatch.StartNew();
        var heldFrom = DateTimeOffset.MaxValue;
        var heldUntil = DateTimeOffset.MaxValue;

        var held = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds / 3.0));
            await using var conn = await db.DataSource.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            heldFrom = DateTimeOffset.UtcNow;
            await store.AppendAsync(conn, tx, [new StreamAppend("held-open", 0, [new NewEvent(new CounterIncremented("h", 1), meta)])]);
            await Task.Delay(TimeSpan.FromSeconds(5));
            await tx.CommitAsync();
            heldUntil = DateTimeOffset.UtcNow;
        });
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            long version = 0;
            var next = Stopwatch.GetTimestamp();
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                await store.AppendAsync($"lag-{w}", version++, [new CounterIncremented("l", 1)], meta);
                next += (long)(perWriterInterval.TotalSeconds * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
        }));
        await held;
        var expected = (await store.ReadAllAsync(before, 10_000_000)).Select(e => e.Position).ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (expected.Any(p => !received.Positions.ContainsKey(p)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var skipped = expected.Count(p => !received.Positions.ContainsKey(p));
        var duplicated = received.Positions.Count(kv => kv.Value > 1);
        var normal = received.Lags.Where(l => l.At < heldFrom || l.At > heldUntil.AddSeconds(1)).Select(l => l.LagMs).Order().ToList();
        var all = received.Lags.Select(l => l.LagMs).Order().ToList();
        BenchReport.Row($"publish lag at {rate:N0} ev/s (half of max)",
            $"p50 {BenchReport.Percentile(normal, 50):0.0} ms, p99 {BenchReport.Percentile(normal, 99):0.0} ms outside the held window",
            "target p99 <= 50 ms", BenchReport.Percentile(normal, 99) <= 50 ? "met" : "SHORT",
            $"whole run incl. 5 s open tx: p99 {BenchReport.Percentile(all, 99):0} ms; {expected.Count:N0} events, skipped {skipped}, duplicated {duplicated}");
    }
}
