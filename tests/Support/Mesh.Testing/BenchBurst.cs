using System.Diagnostics;

namespace Mesh.Testing;

/// <summary>A burst for the benchmarks: every request started at once, each one's latency and the wall time.</summary>
public sealed record BenchBurst<T>(T[] Outcomes, IReadOnlyList<double> SortedLatencies, TimeSpan Wall)
{
    public static async Task<BenchBurst<T>> RunAsync(int count, Func<int, Task<T>> one)
    {
        var latencies = new double[count];
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var started = clock.Elapsed;
            var outcome = await one(i);
            latencies[i] = (clock.Elapsed - started).TotalMilliseconds;
            return outcome;
        }));
        return new BenchBurst<T>(outcomes, latencies.Order().ToList(), clock.Elapsed);
    }

    /// <summary><c>p50 .. ms, p99 .. ms, wall .. ms</c>.</summary>
    public string Figure => $"p50 {BenchReport.Percentile(SortedLatencies, 50):0.0} ms, p99 {BenchReport.Percentile(SortedLatencies, 99):0.0} ms, wall {Wall.TotalMilliseconds:0} ms";
}
