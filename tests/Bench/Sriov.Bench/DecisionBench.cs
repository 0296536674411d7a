using System.Diagnostics;
using Mesh.Sriov.Domain;
using Mesh.Testing;

namespace Mesh.Sriov.Bench;

/// <summary>
/// VF allocation decisions per second over simulated nodes, in process: each pod goes to its node's decider
/// (resource, network, namespace and runtime checks, then free VFs on the matching PFs), its events are
/// applied, and older pods are released again so the cluster stays about half full.
/// </summary>
public static class DecisionBench
{
    private const int Pfs = 2;
    private const int VfsPerPf = 16;

    public static void Run(int nodes, int seconds)
    {
        Measure(nodes, 1, report: false); // warm-up: JIT tiers
        Measure(nodes, seconds, report: true);
    }

    private static void Measure(int nodes, int seconds, bool report)
    {
        var policy = Cluster.Policy(VfsPerPf, Pfs);
        var config = Cluster.Config(policy);
        var cluster = Enumerable.Range(0, nodes)
            .Select(i => $"node-{i:000}")
            .Select(name => SriovNode.Create(name, Cluster.ReadyNodeEvents(name, policy, Pfs, VfsPerPf)))
            .ToList();
        var held = new Queue<(SriovNode Node, string Uid)>();
        var (decisions, refused) = (0, 0);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            // Pods land on nodes unevenly (a prime stride), as a scheduler's choices would.
            var node = cluster[(int)((decisions * 7919L) % nodes)];
            var decision = VfAllocator.Decide(node, Cluster.Pod(node.Name, decisions), config, Cluster.Settings);
            decisions++;
            if (decision.IsRejected)
            {
                refused++;
                continue;
            }
            foreach (var e in decision.Events)
            {
                node.Apply(e);
            }
            held.Enqueue((node, $"pod-{decisions - 1}"));
            if (held.Count > nodes * Pfs * VfsPerPf / 2)
            {
                var (n, uid) = held.Dequeue();
                foreach (var e in VfAllocator.Decide(n, new ReleaseVfs(n.Name, uid, "bench")).Events)
                {
                    n.Apply(e);
                }
            }
        }
        var rate = decisions / clock.Elapsed.TotalSeconds;
        if (!report)
        {
            return;
        }
        var doubles = cluster.Sum(Cluster.DoubleAllocations);
        BenchReport.Row($"VF allocation decisions/s over {nodes} nodes", $"{rate:N0}/s", "target 1,000/s", BenchReport.Ratio(rate, 1000, 1.0),
            $"{decisions} decisions in {clock.Elapsed.TotalSeconds:0.0}s, {refused} refused; {Pfs}x{VfsPerPf} VFs a node, half held; {doubles} VFs held twice", (rate, 1000));
    }
}
