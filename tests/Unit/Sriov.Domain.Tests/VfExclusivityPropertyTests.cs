using FsCheck;
using FsCheck.Fluent;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Domain.Tests;

[Trait("rule", "SRIOV-10")]
public sealed class VfExclusivityPropertyTests
{
    private sealed record Step(bool Allocate, int Pod, int Count);

    private static readonly Gen<Step> Steps =
        from allocate in Gen.Elements(true, true, false)
        from pod in Gen.Choose(0, 5)
        from count in Gen.Choose(1, 2)
        select new Step(allocate, pod, count);

    [Fact]
    public void No_VF_is_ever_held_by_two_pods_under_any_sequence_of_allocations_and_releases() =>
        Prop.ForAll<Step[]>(Arb.From(Gen.ArrayOf(Steps)), steps => Holds(steps)).QuickCheckThrowOnFailure();

    private static bool Holds(IEnumerable<Step> steps)
    {
        var s = Manual.RuncEth;
        var node = Given.ReadyNode(s);
        var config = Given.ConfigFor(s);
        foreach (var step in steps)
        {
            var uid = $"uid-{step.Pod}";
            var decision = step.Allocate
                ? VfAllocator.Decide(node, Manual.Pod(s, uid, uid, count: step.Count), config, SriovSettings.Default)
                : VfAllocator.Decide(node, new ReleaseVfs(Manual.Node, uid));
            foreach (var e in decision.Events)
            {
                if (e is VfsAllocated a && a.Vfs.Any(v => node.VfHolders.ContainsKey(v.VfPciAddress)))
                {
                    return false;
                }
                node.Apply(e);
            }
            var held = node.Allocations.Values.SelectMany(x => x.Vfs.Select(v => v.VfPciAddress)).ToList();
            if (held.Count != held.Distinct().Count() || held.Count > 3 || held.Count != node.VfHolders.Count)
            {
                return false;
            }
        }
        return true;
    }
}
