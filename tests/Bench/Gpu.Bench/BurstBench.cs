using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service;
using Mesh.Gpu.Service.Handlers;
using Mesh.Gpu.Service.Projections;
using Mesh.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Gpu.Bench;

/// <summary>
/// A burst of pods on one node through the service's single writer (group commit, inline read model) on real
/// PostgreSQL; then the committed stream is read back from the database and every card is checked.
/// </summary>
public static class BurstBench
{
    private const string Node = "burst-node";
    private const int Cards = 16;

    public static async Task RunAsync(int pods)
    {
        await using var db = await TestDatabase.CreateAsync("gpu_bench");
        var types = new EventTypeRegistry();
        foreach (var (type, name) in GpuEventTypes.Names)
        {
            types.Register(type, name);
        }
        await SchemaMigrator.MigrateAsync(db.DataSource, SchemaMigrator.FromAssembly(typeof(GpuModule).Assembly, "gpu"));
        var store = new EventStore(db.DataSource, types, [new GpuNodeProjection(types)], TimeProvider.System);
        var behavior = new GpuNodeBehavior();
        var meta = new EventMetadata("bench", Guid.NewGuid());
        await using (var writer = new KeyedWriter<GpuNode, object, GpuNodeReply>(store, behavior, new KeyedWriterOptions(), NullLogger.Instance))
        {
            var devices = Enumerable.Range(0, Cards).Select(i => new GpuDevice(i, $"GPU-{i}", GpuVendor.Nvidia, "Tesla V100", 32768)).ToList();
            await writer.SubmitAsync(Node, new RegisterGpuNode(Node, "amd64", new Dictionary<string, string>(), [GpuResources.AcceleratorTaint], devices), meta);

            var burst = await BenchBurst<WriteOutcome<GpuNodeReply>>.RunAsync(pods, i => writer.SubmitAsync(Node, new AssignGpus(Node, Pod(i)), meta));
            var outcomes = burst.Outcomes;
            var granted = outcomes.Count(o => !o.Decision.IsRejected);
            var transactions = await db.ScalarAsync<long>(
                $"SELECT count(DISTINCT tx_id::text) FROM mesh_events WHERE stream_id = '{GpuNode.StreamId(Node)}' AND type = 'gpu.devices-assigned.v1'");
            BenchReport.Row($"GPU {pods}-pod burst on one node (durable)",
                burst.Figure,
                "-", "-", $"{pods / burst.Wall.TotalSeconds:0} pods/s; {granted} granted, {pods - granted} refused, {transactions} append transactions (group commit)");
        }
        var (node, _) = await store.AggregateStreamAsync(GpuNode.StreamId(Node), () => new GpuNode(Node), (n, e) => { n.Apply(e); return n; });
        var doubles = DoubleAllocations(node);
        BenchReport.Row("GPU burst: double allocations", doubles.ToString(), "0", doubles == 0 ? "met" : "BROKEN", $"from the committed stream: {node.Assignments.Count} pods on {Cards} cards, {node.Devices.Sum(d => node.UsageOf(d.Index).Cores)}% of {Cards * 100}% cores held");
    }

    // Mixed burst: every 25th pod wants a whole exclusive card, the rest 4% slices, so that 200 pods fill the node.
    private static GpuPodRequest Pod(int i)
    {
        var requests = i % 25 == 0
            ? new Dictionary<string, string> { ["nvidia.com/gpu"] = "1", ["cpu"] = "1", ["memory"] = "2Gi" }
            : new Dictionary<string, string> { ["nvidia.com/gpumem"] = "1024", ["nvidia.com/gpucores"] = "4", ["cpu"] = "1", ["memory"] = "2Gi" };
        return new GpuPodRequest($"pod-{i}", "default", $"pod-{i}", "bench", "rune", "Job", requests, [Toleration.Accelerator],
            Exclusive: i % 25 == 0);
    }

    /// <summary>Cards holding more than they have: two holders of an exclusive card, or memory/cores over the card's.</summary>
    private static int DoubleAllocations(GpuNode node) => node.Devices.Count(device =>
    {
        var holders = node.Assignments.Values.Where(a => a.Devices.Any(d => d.Index == device.Index)).ToList();
        var slices = holders.SelectMany(a => a.Devices.Where(d => d.Index == device.Index)).ToList();
        var exclusive = holders.Count(a => a.Exclusive);
        return exclusive > 1 || (exclusive == 1 && holders.Count > 1)
            || slices.Sum(d => d.MemoryMiB) > device.MemoryMiB || slices.Sum(d => d.Cores) > 100;
    });
}
