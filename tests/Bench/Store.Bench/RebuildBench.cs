using System.Diagnostics;
using Mesh.EventSourcing;
using Mesh.Testing;

namespace Mesh.Store.Bench;

/// <summary>Item 3: rebuilding a projection over 1M events against reading the same rows in order with COPY.</summary>
public static class RebuildBench
{
    public static async Task RunAsync(TestDatabase db, EventTypeRegistry types, int events)
    {
        await db.ScalarAsync<long>(
            $"""
            INSERT INTO mesh_events (position, stream_id, version, event_id, type, data, metadata, created_at, tx_id)
            SELECT g + 100000000, 'rebuild-' || (g % 1000), g / 1000 + 1, gen_random_uuid(), 'bench.counter-incremented.v1',
                   '{"{"}"counter":"c","by":1{"}"}', '{"{"}"principal":"bench","correlationId":"00000000-0000-0000-0000-000000000000"{"}"}', now(), pg_current_xact_id()
            FROM generate_series(1, {events}) g;
            ANALYZE mesh_events;
            SELECT setval('mesh_events_position_seq', (SELECT max(position) FROM mesh_events));
            """);
        var total = await db.ScalarAsync<long>("SELECT count(*) FROM mesh_events");

        var copy = Stopwatch.StartNew();
        long bytes = 0;
        await using (var conn = await db.DataSource.OpenConnectionAsync())
        await using (var reader = await conn.BeginRawBinaryCopyAsync(
            "COPY (SELECT position, stream_id, version, event_id, type, data, metadata, created_at FROM mesh_events ORDER BY position) TO STDOUT (FORMAT binary)"))
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = await reader.ReadAsync(buffer, 0, buffer.Length)) > 0)
            {
                bytes += n;
            }
        }
        var copyRate = total / copy.Elapsed.TotalSeconds;

        var options = new EventStoreOptions { BatchSize = 20_000 };
        var runner = new ProjectionRunner(db.DataSource, types, options);
        var rebuilder = new ProjectionRebuilder(db.DataSource, types, runner, options);
        var watch = Stopwatch.StartNew();
        var applied = await rebuilder.RebuildAsync(new TotalsProjection());
        var rate = applied / watch.Elapsed.TotalSeconds;
        var check = await db.ScalarAsync<decimal>("SELECT coalesce(sum(total), 0) FROM bench_totals");
        BenchReport.Row($"rebuild over {total:N0} events", $"{rate:N0} ev/s ({watch.Elapsed.TotalSeconds:0.0} s)",
            $"COPY ordered read {copyRate:N0} rows/s ({bytes / 1048576.0:0} MiB)", BenchReport.Ratio(rate, copyRate, 0.3),
            $"totals check {check:N0}", (rate, copyRate));
    }
}
