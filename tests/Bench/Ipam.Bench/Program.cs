using System.Diagnostics;
using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Ipam;
using Mesh.Ipam.Bench;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Cmd = Mesh.Ipam.Domain.Commands;

// ./mesh bench: durable allocations per second and latency through the bus with 1 and 2 replicas, the
// in-process path (the pool's single writer, no bus), and a 128 pods x 16 networks burst. Figures only.
var refs = BenchReport.References(args);
var echo = refs.GetValueOrDefault("bus-echo", double.NaN);
var pgbench = refs.GetValueOrDefault("pgbench-insert-1", double.NaN);
var count = Arg("--count", 3000);
var requesters = Arg("--requesters", 100);
await using var db = await TestDatabase.CreateAsync("ipambench");
await using var vhost = await TestVirtualHost.CreateAsync("ipambench");
using var client = await BenchHost.StartClientAsync(vhost);
var bus = client.Services.GetRequiredService<IBus>();
Console.WriteLine($"IPAM benchmark: {count} allocations per run, {requesters} concurrent requesters, {Environment.ProcessorCount} cores");

var one = await BenchHost.StartReplicaAsync(db, vhost);
await BenchHost.AnnounceAsync(bus, one, "bench-a", "10.100.0.0/16", "10.100.0.1");
ViaBusRow("1 replica", await Drive(count, requesters, i => ViaBus(bus, "bench-a", $"a-{i}")));

var two = await BenchHost.StartReplicaAsync(db, vhost);
await BenchHost.AnnounceAsync(bus, one, "bench-b", "10.101.0.0/16", "10.101.0.1");
ViaBusRow("2 replicas", await Drive(count, requesters, i => ViaBus(bus, "bench-b", $"b-{i}")));

await BenchHost.AnnounceAsync(bus, one, "bench-c", "10.102.0.0/16", "10.102.0.1");
var writer = one.Services.GetRequiredService<PoolWriter>();
var inProcess = await Drive(count, requesters, async i =>
{
    var outcome = await writer.SubmitAsync("bench-c", new Cmd.AllocateIp("bench-c", $"c-{i}", "bench", $"c-{i}", "n1", "p1",
        DateTimeOffset.UtcNow, RandomBytes: Guid.NewGuid().ToByteArray()[..12]), BenchHost.Meta);
    return outcome.Decision.IsRejected ? throw new InvalidOperationException(outcome.Decision.Error!.ToString()) : true;
});
BenchReport.Row($"IPAM allocations in process (pool writer, no bus), {requesters} requesters", inProcess.Figure,
    pgbench is double.NaN ? "pgbench 1 writer: not in this run" : $"pgbench INSERT, 1 writer: {pgbench:N0} tps",
    BenchReport.Ratio(inProcess.Rate, pgbench, 0.5), "durable; concurrent requests to one pool share an append (group commit)", (inProcess.Rate, pgbench));

for (var n = 0; n < 16; n++)
{
    await BenchHost.AnnounceAsync(bus, one, $"burst-{n}", $"10.{110 + n}.0.0/24", $"10.{110 + n}.0.1");
}
var burst = await BenchBurst<bool>.RunAsync(2048, i => ViaBus(bus, $"burst-{i % 16}", $"burst-{i / 16}"));
var wallSeconds = burst.Wall.TotalSeconds;
BenchReport.Row("IPAM burst 128 pods x 16 networks (2048 allocations, 2 replicas, bus)",
    $"{wallSeconds:0.00} s wall, p99 {BenchReport.Percentile(burst.SortedLatencies, 99):0.0} ms",
    "Whereabouts, published: about 210 s", $"{210 / wallSeconds:0}x faster; target < 2 s: {(wallSeconds < 2 ? "met" : "SHORT")}", "", (2048 / wallSeconds, 2048 / 210.0));

foreach (var replica in new[] { two, one })
{
    await replica.StopAsync();
    await replica.DisposeAsync();
}
BenchReport.Write(args);
return;

static async Task<bool> ViaBus(IBus bus, string subnet, string uid)
{
    var response = await bus.CreateRequestClient<AllocateIp>(RequestTimeout.After(s: 120)).GetResponse<IpAllocation, Rejected>(new AllocateIp
    {
        Project = "p1", PodUid = uid, PodNamespace = "bench", PodName = uid, Node = "n1", Subnet = subnet,
        Interface = uid.StartsWith("burst", StringComparison.Ordinal) ? "net" + subnet[6..] : "eth0",
    });
    return response.Is(out Response<IpAllocation>? _) ? true : throw new InvalidOperationException(response.Message.ToString());
}

static async Task<Run> Drive(int total, int concurrency, Func<int, Task<bool>> one)
{
    var latencies = new double[total];
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, total)).Select(async _ =>
    {
        for (var i = Interlocked.Increment(ref next); i < total; i = Interlocked.Increment(ref next))
        {
            var started = Stopwatch.GetTimestamp();
            await one(i);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }));
    return new Run(total, clock.Elapsed, latencies.Order().ToArray());
}

void ViaBusRow(string replicas, Run run) =>
    BenchReport.Row($"IPAM allocations through the bus, {replicas}, {requesters} requesters", run.Figure,
        echo is double.NaN ? "bus echo: not in this run" : $"bus echo request/response: {echo:N0} req/s",
        BenchReport.Ratio(run.Rate, echo, 0.7), "request -> decided -> committed (fsync) -> reply", (run.Rate, echo));

int Arg(string name, int fallback) =>
    Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var v) ? v : fallback;

internal sealed record Run(int Total, TimeSpan Elapsed, double[] Sorted)
{
    public double Rate => Total / Elapsed.TotalSeconds;

    public string Figure => $"{Rate:N0} allocations/s, p50 {P(0.50):0.0} ms, p99 {P(0.99):0.0} ms";

    public double P(double q) => BenchReport.Percentile(Sorted, q * 100);
}
