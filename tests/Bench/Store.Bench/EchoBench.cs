using System.Diagnostics;
using MassTransit;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mesh.Store.Bench;

/// <summary>The bus limit for item 2: a bare MassTransit request/response echo with 100 concurrent requesters.</summary>
public static class EchoBench
{
    public static async Task RunAsync(TestDatabase db, TestVirtualHost vhost, int requesters, int seconds)
    {
        using var host = await BenchHost.StartAsync(db, vhost, publisher: false, consumers: x => x.AddConsumer<EchoConsumer>());
        var client = host.Services.GetRequiredService<IClientFactory>().CreateRequestClient<Echo>();
        await client.GetResponse<EchoReply>(new Echo(0));
        var latencies = new List<double>[requesters];
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, requesters).Select(async r =>
        {
            var mine = latencies[r] = [];
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var t = Stopwatch.GetTimestamp();
                await client.GetResponse<EchoReply>(new Echo(r));
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        var rate = all.Count / stop.Elapsed.TotalSeconds;
        BenchReport.Row($"bus echo request/response, {requesters} requesters", $"{rate:N0} req/s, p50 {BenchReport.Percentile(all, 50):0.0} ms, p99 {BenchReport.Percentile(all, 99):0.0} ms",
            "(this is the bus limit for allocations through the bus)", "-");
        BenchReport.Keep("bus-echo", rate);
    }
}
