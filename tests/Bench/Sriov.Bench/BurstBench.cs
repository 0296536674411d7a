using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service;
using Mesh.Sriov.Service.Projections;
using Mesh.Sriov.Service.Streams;
using Mesh.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Sriov.Bench;

/// <summary>
/// A burst of pods on one node through the service's single writer for the node (group commit, inline
/// read model) on real PostgreSQL; then the committed stream is read back and every VF is checked.
/// </summary>
public static class BurstBench
{
    private const string Node = "burst-node";
    private const int Pfs = 2;
    private const int VfsPerPf = 100;

    public static async Task RunAsync(int pods)
    {
        await using var db = await TestDatabase.CreateAsync("sriov_bench");
        var types = new EventTypeRegistry();
        SriovTypes.Register(types);
        await SchemaMigrator.MigrateAsync(db.DataSource, SchemaMigrator.FromAssembly(typeof(SriovModule).Assembly, "sriov"));
        var store = new EventStore(EventStoreServiceCollectionExtensions.CreateDataSource(db.ConnectionString), types,
            [new SriovIndexProjection()], TimeProvider.System);
        var meta = new EventMetadata("bench", Guid.NewGuid());
        var policy = Cluster.Policy(VfsPerPf, Pfs);
        var config = Cluster.Config(policy);
        await store.AppendAsync(SriovNode.StreamId(Node), 0, Cluster.ReadyNodeEvents(Node, policy, Pfs, VfsPerPf), meta);

        await using (var writer = new KeyedWriter<NodeState, object, object?>(store, new NodeBehavior(Cluster.Settings), new KeyedWriterOptions(), NullLogger.Instance))
        {
            var burst = await BenchBurst<WriteOutcome<object?>>.RunAsync(pods, i => writer.SubmitAsync(Node, new AllocateWithConfig(Cluster.Pod(Node, i), config), meta));
            var outcomes = burst.Outcomes;
            var granted = outcomes.Count(o => !o.Decision.IsRejected);
            var transactions = await db.ScalarAsync<long>(
                $"SELECT count(DISTINCT tx_id::text) FROM mesh_events WHERE stream_id = '{SriovNode.StreamId(Node)}' AND type = 'sriov.vfs-allocated.v1'");
            BenchReport.Row($"VF {pods}-pod burst on one node (durable)",
                burst.Figure,
                "-", "-", $"{pods / burst.Wall.TotalSeconds:0} pods/s; {granted} granted, {pods - granted} refused, {transactions} append transactions (group commit)");
        }
        // What the database holds, not what the writer answered.
        var (node, _) = await store.AggregateStreamAsync(SriovNode.StreamId(Node), () => SriovNode.Create(Node), (n, e) => { n.Apply(e); return n; });
        var doubles = Cluster.DoubleAllocations(node);
        BenchReport.Row("VF burst: double allocations", doubles.ToString(), "0", doubles == 0 ? "met" : "BROKEN",
            $"from the committed stream: {node.Allocations.Count} pods hold {node.VfHolders.Count} of {Pfs * VfsPerPf} VFs");
    }
}
