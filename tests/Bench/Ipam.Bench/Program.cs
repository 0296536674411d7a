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
var count = Arg("--count", 3000);
var requesters = Arg("--requesters", 100);
await using var db = await TestDatabase.CreateAsync("ipambench");
await using var vhost = await TestVirtualHost.CreateAsync("ipambench");
using var client = await BenchHost.StartClientAsync(vhost);
var bus = client.Services.GetRequiredService<IBus>();
Console.WriteLine($"IPAM benchmark: {count} allocations per run, {requesters} concurrent requesters, {Environment.ProcessorCount} cores");

var one = await BenchHost.StartReplicaAsync(db, vhost);
await BenchHost.AnnounceAsync(bus, one, "bench-a", "10.100.0.0/16", "10.100.0.1");
Report("bus, 1 replica", await Drive(count, requesters, i => ViaBus(bus, "bench-a", $"a-{i}")));

var two = await BenchHost.StartReplicaAsync(db, vhost);
await BenchHost.AnnounceAsync(bus, one, "bench-b", "10.101.0.0/16", "10.101.0.1");
Report("bus, 2 replicas", await Drive(count, requesters, i => ViaBus(bus, "bench-b", $"b-{i}")));

await BenchHost.AnnounceAsync(bus, one, "bench-c", "10.102.0.0/16", "10.102.0.1");
var writer = one.Services.GetRequiredService<PoolWriter>();
Report("in-process writer, no bus", await Drive(count, requesters, async i =>
{
    var outcome = await writer.SubmitAsync("bench-c", new Cmd.AllocateIp("bench-c", $"c-{i}", "bench", $"c-{i}", "n1", "p1",
        DateTimeOffset.UtcNow, RandomBytes: Guid.NewGuid().ToByteArray()[..12]), BenchHost.Meta);
    return outcome.Decision.IsRejected ? throw new InvalidOperationException(outcome.Decision.Error!.ToString()) : true;
}));

for (var n = 0; n < 16; n++)
{
    await BenchHost.AnnounceAsync(bus, one, $"burst-{n}", $"10.{110 + n}.0.0/24", $"10.{110 + n}.0.1");
}
var wall = Stopwatch.StartNew();
var burst = await Drive(2048, 2048, i => ViaBus(bus, $"burst-{i % 16}", $"burst-{i / 16}"));
Console.WriteLine($"burst 128 pods x 16 networks (2048 allocations, 2 replicas): {wall.Elapsed.TotalMilliseconds:0} ms wall, p99 {burst.P(0.99):0.0} ms");

foreach (var replica in new[] { two, one })
{
    await replica.StopAsync();
    await replica.DisposeAsync();
}
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

static void Report(string name, Run run) =>
    Console.WriteLine($"{name,-28} {run.Total / run.Elapsed.TotalSeconds,8:0} allocations/s   p50 {run.P(0.50),7:0.0} ms   p99 {run.P(0.99),7:0.0} ms");

int Arg(string name, int fallback) =>
    Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var v) ? v : fallback;

internal sealed record Run(int Total, TimeSpan Elapsed, double[] Sorted)
{
    public double P(double q) => Sorted[Math.Clamp((int)Math.Ceiling(q * Sorted.Length) - 1, 0, Sorted.Length - 1)];
}
