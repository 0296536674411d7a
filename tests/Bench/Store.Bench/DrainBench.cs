using System.Diagnostics;
using MassTransit;
using Mesh.EventSourcing;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Store.Bench;

/// <summary>
/// What bounds item 4: the log publisher's drain rate (a backlog appended while no publisher runs, then
/// published to a subscriber), beside the broker's own rate for bare persistent publishes with confirms,
/// one at a time and many at once.
/// </summary>
public static class DrainBench
{
    /// <summary><paramref name="hot"/>: 8 streams hold the whole backlog; otherwise every event has a stream of its own.</summary>
    public static async Task RunAsync(TestDatabase db, TestVirtualHost vhost, bool hot, int total)
    {
        const int writers = 8;
        var received = new LagBench.Received();
        using var consumer = await BenchHost.StartAsync(db, vhost, publisher: false,
            consumers: x => x.AddConsumer<LagBench.LagConsumer>(), services: s => s.AddSingleton(received));
        var bus = consumer.Services.GetRequiredService<IBus>();
        var sequential = await PublishRateAsync(bus, 1, 1000);
        var parallel = await PublishRateAsync(bus, 64, 100);
        received.Positions.Clear();

        using (var writer = await BenchHost.StartAsync(db, vhost, publisher: false))
        {
            var store = writer.Services.GetRequiredService<EventStore>();
            var meta = new EventMetadata("bench", Guid.NewGuid());
            await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
            {
                for (var v = 0; v < total / writers; v++)
                {
                    var stream = hot ? $"drain-{w}" : $"drain-{w}-{v}";
                    await store.AppendAsync(stream, ExpectedVersion.Any, [new CounterIncremented("d", 1)], meta);
                }
            }));
        }
        total = total / writers * writers;
        var clock = Stopwatch.StartNew();
        using var publisher = await BenchHost.StartAsync(db, vhost, publisher: true);
        while (received.Positions.Count < total && clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(20);
        }
        var rate = received.Positions.Count / clock.Elapsed.TotalSeconds;
        BenchReport.Row($"log publisher drain, {total:N0} events in {(hot ? $"{writers} streams" : "a stream each")}", $"{rate:N0} ev/s", $"bare publish with confirms: {sequential:N0}/s one at a time, {parallel:N0}/s 64 at once",
            $"{rate / parallel:0.00}x the parallel rate", $"{received.Positions.Count:N0} received; streams are published side by side, each in order (one confirm at a time)");
    }

    private static async Task<double> PublishRateAsync(IBus bus, int concurrency, int each)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
        {
            for (var i = 0; i < each; i++)
            {
                await bus.Publish(new Appended("probe", -1, DateTimeOffset.UtcNow));
            }
        }));
        return concurrency * each / clock.Elapsed.TotalSeconds;
    }
}
