using Mesh.Gpu.Bench;
using Mesh.Testing;

// ./mesh bench runs this against real PostgreSQL on this machine. Figures only, no assertions.
var quick = args.Contains("--quick");
Console.WriteLine($"gpu scheduling benchmarks ({(quick ? "quick" : "full")} run; servers: {new Npgsql.NpgsqlConnectionStringBuilder(TestServers.Postgres).Host})");
SchedulerBench.Run(nodes: 500, seconds: quick ? 3 : 10);
await BurstBench.RunAsync(pods: 200);
BenchReport.Write(args);
