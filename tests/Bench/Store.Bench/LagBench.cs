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
        public ConcurrentBag<double> LagsMs { get; } = [];
    }

    public sealed class LagConsumer(Received received) : IConsumer<Appended>
    {
        public Task Consume(ConsumeContext<Appended> context)
        {
            received.Positions.AddOrUpdate(context.Message.Position, 1, (_, n) => n + 1);
            received.LagsMs.Add((DateTimeOffset.UtcNow - context.Message.RecordedAt).TotalMilliseconds);
            return Task.CompletedTask;
        }
    }

    /// <summary>
    /// Appends at <paramref name="rate"/> events/s from 8 writers for <paramref name="seconds"/> and records every
    /// event's append-to-subscriber lag. With <paramref name="hold"/>, a transaction that appended first stays open
    /// for 5 s in the middle (every later event must wait for it, and none may be skipped or delivered twice).
    /// </summary>
    public static async Task RunAsync(TestDatabase db, TestVirtualHost vhost, double rate, int seconds, bool hold, string label)
    {
        var received = new Received();
        using var consumer = await BenchHost.StartAsync(db, vhost, publisher: false,
            consumers: x => x.AddConsumer<LagConsumer>(), services: s => s.AddSingleton(received));
        using var publisher = await BenchHost.StartAsync(db, vhost, publisher: true);
        var store = publisher.Services.GetRequiredService<EventStore>();
        var meta = new EventMetadata("bench", Guid.NewGuid());
        var before = await db.ScalarAsync<long>("SELECT coalesce(max(position), 0) FROM mesh_events");
        rate = Math.Max(50, rate);
        var writers = 8;
        var perWriterInterval = TimeSpan.FromSeconds(writers / rate);
        var stop = Stopwatch.StartNew();
        var run = Guid.NewGuid().ToString("N")[..8];
        var appended = 0;

        var held = !hold ? Task.CompletedTask : Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds / 3.0));
            await using var conn = await db.DataSource.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await store.AppendAsync(conn, tx, [new StreamAppend($"held-open-{run}", 0, [new NewEvent(new CounterIncremented("h", 1), meta)])]);
            await Task.Delay(TimeSpan.FromSeconds(5));
            await tx.CommitAsync();
        });
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
        {
            long version = 0;
            var next = Stopwatch.GetTimestamp();
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                await store.AppendAsync($"lag-{run}-{w}", version++, [new CounterIncremented("l", 1)], meta);
                Interlocked.Increment(ref appended);
                next += (long)(perWriterInterval.TotalSeconds * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
        }));
        var offered = appended / stop.Elapsed.TotalSeconds;
        await held;
        var expected = (await store.ReadAllAsync(before, 10_000_000)).Select(e => e.Position).ToHashSet();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (expected.Any(p => !received.Positions.ContainsKey(p)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        var skipped = expected.Count(p => !received.Positions.ContainsKey(p));
        var duplicated = received.Positions.Count(kv => kv.Value > 1);
        var lags = received.LagsMs.Order().ToList();
        if (hold)
        {
            BenchReport.Row($"publish with a transaction held open 5 s, {label}", $"skipped {skipped}, duplicated {duplicated} of {expected.Count:N0} events",
                "0 and 0", skipped == 0 && duplicated == 0 ? "met" : "BROKEN",
                $"the events behind the open transaction wait for it: lag p99 {BenchReport.Percentile(lags, 99):0} ms, max {lags.LastOrDefault():0} ms");
            return;
        }
        var p99 = BenchReport.Percentile(lags, 99);
        BenchReport.Row($"publish lag, {label} ({offered:N0} ev/s offered)",
            $"p50 {BenchReport.Percentile(lags, 50):0.0} ms, p99 {p99:0.0} ms", "target p99 <= 50 ms", p99 <= 50 ? "met" : "SHORT",
            $"{expected.Count:N0} events, skipped {skipped}, duplicated {duplicated}; append, publish (confirmed), consume on the same 2 cores");
    }
}
