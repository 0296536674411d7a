using FsCheck;
using FsCheck.Fluent;
using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

public class NoOvercommitProperty
{
    private static readonly GpuDevice[] Cards = [Nvidia(0, 8192), Nvidia(1, 16384), Nvidia(2, 16384), Nvidia(3, 32768)];

    [Fact]
    [Trait("rule", "GPU-7")]
    [Trait("rule", "GPU-11")]
    [Trait("rule", "GPU-12")]
    [Trait("rule", "GPU-12a")]
    public void No_sequence_of_assign_release_and_health_changes_over_commits_a_card_or_assigns_an_unhealthy_one()
    {
        var ops = Gen.ListOf(Gen.Choose(0, int.MaxValue - 1)).ToArbitrary();
        Prop.ForAll(ops, Holds).QuickCheckThrowOnFailure();
    }

    private static bool Holds(List<int> ops)
    {
        var node = Node("n1", Registered("n1", Cards));
        foreach (var op in ops)
        {
            var decision = GpuNodeDecider.Decide(node, Decode(op));
            foreach (var assigned in decision.Events.OfType<GpuDevicesAssigned>())
            {
                if (assigned.Devices.Any(d => node.Device(d.Index) is not { Healthy: true }))
                {
                    return false;
                }
            }
            foreach (var e in decision.Events)
            {
                node.Apply(e);
            }
            if (!WithinCapacity(node))
            {
                return false;
            }
        }
        return true;
    }

    private static object Decode(int op)
    {
        var pod = $"p{op % 8}";
        var x = op / 8;
        var index = x % Cards.Length;
        var count = (x / 4 % 2) + 1;
        var mem = (x / 8 % 6 + 1) * 2048;
        var cores = (x / 48 % 5 + 1) * 20;
        IReadOnlyList<int>? placement = x / 240 % 2 == 0 ? null : [index, (index + x / 480) % Cards.Length];
        var chosen = placement?.Distinct().Take(count).ToList();
        return (x / 960 % 7) switch
        {
            0 => new ReleaseGpus("n1", pod),
            1 => new ReportDeviceHealth("n1", index, x / 6720 % 2 == 0, "agent"),
            2 => new AssignGpus("n1", Pod(pod, count: count.ToString()), chosen),
            3 => new AssignGpus("n1", Pod(pod, count: count.ToString(), exclusive: true), chosen),
            4 => new AssignGpus("n1", Pod(pod, visible: [index])),
            _ => new AssignGpus("n1", Slice(pod, mem, cores, count.ToString()), chosen),
        };
    }

    // Recomputed from the assignments alone, independently of the node's running usage totals.
    private static bool WithinCapacity(GpuNode node)
    {
        foreach (var card in node.Devices)
        {
            var holders = node.Assignments.Values.Where(a => a.Devices.Any(d => d.Index == card.Index)).ToList();
            var reserved = holders.SelectMany(a => a.Devices).Where(d => d.Index == card.Index).ToList();
            var exclusive = holders.Count(a => a.Exclusive);
            if (reserved.Sum(d => d.MemoryMiB) > card.MemoryMiB || reserved.Sum(d => d.Cores) > 100)
            {
                return false;
            }
            if (exclusive > 1 || (exclusive == 1 && holders.Count > 1))
            {
                return false;
            }
            // GPU-12a: a whole-card sharer counts as the whole card, so no slice sits beside one.
            var wholeSharers = holders.Count(a => !a.Exclusive && a.Devices.Where(d => d.Index == card.Index).All(d => d.MemoryMiB == 0 && d.Cores == 0));
            if (wholeSharers > 0 && holders.Count(a => !a.Exclusive) > wholeSharers)
            {
                return false;
            }
            var usage = node.UsageOf(card.Index);
            if (usage.MemoryMiB != reserved.Sum(d => d.MemoryMiB) || usage.Cores != reserved.Sum(d => d.Cores))
            {
                return false;
            }
        }
        return true;
    }
}
