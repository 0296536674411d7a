using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-9")]
public class LargeClusterSpecs
{
    [Fact]
    public void Scheduling_over_500_nodes_bin_packs_never_gives_a_card_twice_and_explains_a_full_cluster()
    {
        // 100 arm64 nodes and 400 amd64 nodes, each with three cards of which card 2 is unhealthy.
        var nodes = Enumerable.Range(0, 500).Select(i =>
        {
            var name = $"node-{i:D3}";
            var registered = Registered(name, Nvidia(0), Nvidia(1), Nvidia(2, healthy: false));
            return Node(name, i % 5 == 0 ? registered with { Arch = "arm64" } : registered);
        }).ToDictionary(n => n.Name);
        var given = new HashSet<(string, int)>();

        for (var p = 0; p < 200; p++)
        {
            var pod = Pod($"pod-{p}", exclusive: true);
            var placement = GpuScheduler.Schedule(pod, nodes.Values).Placement;
            Assert.NotNull(placement);
            var node = nodes[placement.Node];
            var assigned = Then.Single<GpuDevicesAssigned>(GpuNodeDecider.Decide(node, placement.ToCommand(pod)));
            node.Apply(assigned);
            Record(node, assigned, given);
        }
        // Bin-pack fills a node's two healthy cards before it opens the next node.
        Assert.Equal(100, nodes.Values.Count(n => n.Assignments.Count == 2));

        foreach (var node in nodes.Values)
        {
            for (var p = 0; ; p++)
            {
                var decision = GpuNodeDecider.Assign(node, new AssignGpus(node.Name, Pod($"{node.Name}-fill-{p}", exclusive: true)));
                if (decision.IsRejected)
                {
                    break;
                }
                var assigned = Then.Single<GpuDevicesAssigned>(decision);
                node.Apply(assigned);
                Record(node, assigned, given);
            }
        }
        Assert.Equal(800, given.Count);

        var refused = GpuScheduler.Schedule(Pod("one-too-many", exclusive: true), nodes.Values);
        Assert.Equal("insufficient nvidia.com/gpu", refused.Error?.Code);
        Assert.Equal("0/500 nodes are available: 100 node(s) didn't match Pod's node affinity/selector, 400 insufficient nvidia.com/gpu.",
            refused.Error?.Message);
    }

    private static void Record(GpuNode node, GpuDevicesAssigned assigned, HashSet<(string, int)> given)
    {
        Assert.Equal("amd64", node.Arch);
        foreach (var d in assigned.Devices)
        {
            Assert.True(node.Device(d.Index)!.Healthy);
            Assert.True(given.Add((node.Name, d.Index)), $"{node.Name}/{d.Index} given twice");
        }
    }
}
