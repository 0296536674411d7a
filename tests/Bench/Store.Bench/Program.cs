using Mesh.EventSourcing;
using Mesh.Store.Bench;
using Mesh.Testing;

// ./mesh bench runs this against real PostgreSQL and RabbitMQ on this machine. Figures only.
var quick = args.Contains("--quick");
var seconds = quick ? 2 : 5;
var types = new EventTypeRegistry().Register<CounterIncremented>("bench.counter-incremented.v1");
Console.WriteLine($"event store benchmarks ({(quick ? "quick" : "full")} run; servers: {new Npgsql.NpgsqlConnectionStringBuilder(TestServers.Postgres).Host})");

await using (var db = await TestDatabase.CreateAsync("bench_append"))
{
    await SchemaMigrator.MigrateAsync(db.DataSource, []);
    var maxRate = await AppendBench.RunAsync(db, types, seconds);
    await using var vhost = await TestVirtualHost.CreateAsync("bench");
    // Item 4 at half the maximum append rate (the issue's point) and at a quarter (below the knee on 2 cores),
    // then the held-open transaction; the publisher's drain rate says what bounds the first.
    await LagBench.RunAsync(db, vhost, maxRate / 2, quick ? 6 : 12, hold: false, "half of max append rate");
    await LagBench.RunAsync(db, vhost, maxRate / 4, quick ? 6 : 12, hold: false, "a quarter of max append rate");
    await LagBench.RunAsync(db, vhost, maxRate / 2, quick ? 9 : 15, hold: true, "at half of max append rate");
    await DrainBench.RunAsync(db, vhost, hot: true, quick ? 4000 : 8000);
    await EchoBench.RunAsync(db, vhost, 100, seconds);
}
await using (var db = await TestDatabase.CreateAsync("bench_rebuild"))
{
    await SchemaMigrator.MigrateAsync(db.DataSource, []);
    await RebuildBench.RunAsync(db, types, quick ? 100_000 : 1_000_000);
}
BenchReport.Write(args);
