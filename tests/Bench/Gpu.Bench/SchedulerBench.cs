using System.Diagnostics;
using Mesh.Gpu.Domain;
using Mesh.Testing;

namespace Mesh.Gpu.Bench;

/// <summary>
/// Scheduling decisions per second over simulated nodes, in process: the scheduler filters and scores every node,
/// then the chosen node's decider re-checks and commits the placement; pods are released again so the cluster
/// stays about half full.
/// </summary>
public static class SchedulerBench
{
    public static void Run(int nodes, int seconds)
    {
        Measure(nodes, 1, report: false); // warm-up: JIT tiers
        Measure(nodes, seconds, report: true);
    }

    private static void Measure(int nodes, int seconds, bool report)
    {
        var cluster = Enumerable.Range(0, nodes).Select(Node).ToList();
        var byName = cluster.ToDictionary(n => n.Name);
        var held = new Queue<(string Node, string Uid)>();
        var refused = 0;
        var decisions = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var pod = Pod(decisions);
            var result = GpuScheduler.Schedule(pod, cluster, decisions % 4 == 0 ? PackStrategy.Spread : PackStrategy.BinPack);
            decisions++;
            if (result.Placement is not { } placement)
            {
                refused++;
                continue;
            }
            var node = byName[placement.Node];
            var decision = GpuNodeDecider.Decide(node, placement.ToCommand(pod));
            foreach (var e in decision.Events)
            {
                node.Apply(e);
            }
            held.Enqueue((node.Name, pod.Uid));
            if (held.Count > nodes * 4)
            {
                var (n, uid) = held.Dequeue();
                foreach (var e in GpuNodeDecider.Decide(byName[n], new ReleaseGpus(n, uid)).Events)
                {
                    byName[n].Apply(e);
                }
            }
        }
        var rate = decisions / clock.Elapsed.TotalSeconds;
        if (!report)
        {
            return;
        }
        BenchReport.Row($"GPU scheduling decisions/s over {nodes} nodes", $"{rate:N0}/s", "target 1,000/s", BenchReport.Ratio(rate, 1000, 1.0),
            $"{decisions} decisions in {clock.Elapsed.TotalSeconds:0.0}s, {refused} refused; filter+score all nodes, then the node decider commits", (rate, 1000));
    }

    private static GpuNode Node(int i)
    {
        var name = $"node-{i:000}";
        var arch = i % 50 == 49 ? "arm64" : "amd64";
        var devices = Enumerable.Range(0, 8)
            .Select(d => new GpuDevice(d, $"GPU-{i}-{d}", GpuVendor.Nvidia, i % 2 == 0 ? "Tesla T4" : "Tesla V100", i % 2 == 0 ? 15360 : 32768))
            .ToList();
        var node = new GpuNode(name);
        node.Apply(new GpuNodeRegistered(name, arch, new Dictionary<string, string> { ["zone"] = $"z{i % 3}" },
            [GpuResources.AcceleratorTaint], devices));
        return node;
    }

    private static GpuPodRequest Pod(int i)
    {
        var requests = (i % 3) switch
        {
            0 => new Dictionary<string, string> { ["nvidia.com/gpu"] = "1", ["cpu"] = "1", ["memory"] = "2Gi" },
            1 => new Dictionary<string, string> { ["nvidia.com/gpumem"] = "4096", ["nvidia.com/gpucores"] = "25", ["cpu"] = "1", ["memory"] = "2Gi" },
            _ => new Dictionary<string, string> { ["nvidia.com/gpu"] = "2", ["cpu"] = "2", ["memory"] = "4Gi" },
        };
        return new GpuPodRequest($"pod-{i}", "default", $"pod-{i}", "bench", "rune", "Deployment", requests,
            [Toleration.Accelerator], Exclusive: i % 3 != 1);
    }
}
