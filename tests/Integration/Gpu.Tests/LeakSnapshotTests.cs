using Mesh.Contracts.Leaks;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Handlers;

namespace Mesh.Gpu.Tests;

/// <summary>IPAM-11b: a node's suspected pods are part of its snapshot, so a restarted writer counts on from where it was.</summary>
public sealed class LeakSnapshotTests
{
    [Fact]
    [Trait("rule", "IPAM-11b")]
    public void The_suspicions_and_the_withheld_mark_survive_a_snapshot_round_trip()
    {
        var t0 = new DateTimeOffset(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);
        var policy = new LeakPolicy { Grace = TimeSpan.FromMinutes(1), Reports = 1, MaxShare = 0.5 };
        var node = new GpuNode("n1");
        node.Apply(new GpuNodeRegistered("n1", "amd64", new Dictionary<string, string>(), [GpuResources.AcceleratorTaint],
            [new GpuDevice(0, "GPU-0", GpuVendor.Nvidia, "Tesla T4", 15360, true), new GpuDevice(1, "GPU-1", GpuVendor.Nvidia, "Tesla T4", 15360, true)]));
        foreach (var uid in new[] { "a", "b" })
        {
            var pod = new GpuPodRequest(uid, "ns", uid, "p1", "rune", "Deployment",
                new Dictionary<string, string> { ["nvidia.com/gpu"] = "1", ["cpu"] = "1", ["memory"] = "1Gi" },
                [new Toleration("accelerator", TolerationOperator.Equal, "true", TaintEffect.NoSchedule)], Exclusive: true);
            var assigned = GpuNodeDecider.Decide(node, new AssignGpus("n1", pod));
            Assert.False(assigned.IsRejected, assigned.Error?.ToString());
            node.Apply(assigned.Events.Single());
        }
        foreach (var e in GpuNodeDecider.Decide(node, new ReportNodePods("n1", new HashSet<string>(), t0, true, policy)).Events)
        {
            node.Apply(e);
        }
        foreach (var e in GpuNodeDecider.Decide(node, new ReportNodePods("n1", new HashSet<string>(), t0.AddMinutes(2), true, policy)).Events)
        {
            node.Apply(e);
        }
        Assert.NotNull(node.Leaks.Marks["a"].WithheldAt);

        var behavior = new GpuNodeBehavior();
        var restored = behavior.Deserialize(behavior.Serialize(node));
        Assert.Equal(node.Leaks.Marks["a"], restored.Leaks.Marks["a"]);
        Assert.Equal(node.Leaks.Marks["b"], restored.Leaks.Marks["b"]);
        var confirm = new ConfirmNodeReclaim("n1", t0.AddMinutes(3), policy);
        static string Json(IReadOnlyList<object> events) => System.Text.Json.JsonSerializer.Serialize(events.Cast<GpuDevicesReleased>());
        var released = GpuNodeDecider.Decide(node, confirm).Events;
        Assert.Equal(2, released.Count);
        Assert.Equal(Json(released), Json(GpuNodeDecider.Decide(restored, confirm).Events));
    }
}
