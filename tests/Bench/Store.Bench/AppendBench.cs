using System.Diagnostics;
using Mesh.EventSourcing;
using Mesh.Testing;

namespace Mesh.Store.Bench;

/// <summary>Item 1: durable single-event appends at 1, 8 and 32 writers against pgbench's single-row INSERT.</summary>
public static class AppendBench
{
    public static async Task<double> RunAsync(TestDatabase db, EventTypeRegistry types, int seconds)
    {
        // The data source the services use (pooled connections keep PL/pgSQL's cached plans).
        var store = new EventStore(EventStoreServiceCollectionExtensions.CreateDataSource(db.ConnectionString), types, [], TimeProvider.System);
        var meta = new EventMetadata("bench", Guid.NewGuid(), null, "Increment");
        double best = 0;
        foreach (var writers in new[] { 1, 8, 32 })
        {
            var latencies = new List<double>[writers];
            var stop = Stopwatch.StartNew();
            var deadline = TimeSpan.FromSeconds(seconds);
            await Task.WhenAll(Enumerable.Range(0, writers).Select(async w =>
            {
                var mine = latencies[w] = new List<double>(100_000);
                var stream = $"bench-{writers}-{w}-{Guid.NewGuid():N}";
                long version = 0;
                while (stop.Elapsed < deadline)
                {
                    var t = Stopwatch.GetTimestamp();
                    await store.AppendAsync(stream, version, [new CounterIncremented("c", 1)], meta);
                    mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    version++;
                }
            }));
            var elapsed = stop.Elapsed.TotalSeconds;
            var all = latencies.SelectMany(l => l).Order().ToList();
            var rate = all.Count / elapsed;
            best = Math.Max(best, rate);
            var (tps, pgLatency) = await PgBench.InsertAsync(db.ConnectionString, writers, seconds);
            if (writers == 1)
            {
                BenchReport.Keep("pgbench-insert-1", tps); // the database limit for the in-process allocations
            }
            BenchReport.Row($"append, {writers} writer(s)", $"{rate:N0} ev/s, p99 {BenchReport.Percentile(all, 99):0.00} ms",
                $"pgbench INSERT {tps:N0} tps, avg {pgLatency:0.00} ms", BenchReport.Ratio(rate, tps, writers == 1 ? 0.8 : 0.6), plot: (rate, tps));
        }
        return best;
    }
}
