using FsCheck;
using FsCheck.Fluent;
using Mesh.Addressing;
using static Mesh.Ipam.Domain.Tests.Scenario;

namespace Mesh.Ipam.Domain.Tests;

public class AllocationPropertyTests
{
    // (allocate?, pod 0..11, static address offset or none): 12 pods on a /28 (13 addresses) keeps the
    // pool near exhaustion, so that refusals, reuse and static conflicts all happen.
    private static readonly Arbitrary<(bool Allocate, int Pod, int? Static)[]> Steps =
        (from allocate in Gen.Elements(true, true, false)
         from pod in Gen.Choose(0, 11)
         from fixedAt in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 15).Select(i => (int?)i))
         select (allocate, pod, fixedAt))
            .ArrayOf()
            .ToArbitrary();

    [Fact]
    [Trait("rule", "IPAM-6")]
    public void No_interleaving_of_allocate_and_release_gives_an_address_to_two_owners()
    {
        Prop.ForAll(Steps, steps =>
        {
            var scenario = WithPool("10.16.0.0/28");
            var held = new Dictionary<string, string>();
            foreach (var (allocate, pod, fixedAt) in steps)
            {
                var uid = $"pod-{pod}";
                if (!allocate)
                {
                    scenario.When(Release(uid));
                    held.Remove(uid);
                    continue;
                }
                var ip = fixedAt is null ? null : $"10.16.0.{fixedAt}";
                var decision = scenario.When(Alloc(uid, ip));
                if (decision.IsRejected)
                {
                    Assert.Empty(decision.Events);
                    continue;
                }
                foreach (var e in decision.Events.OfType<IpAllocated>())
                {
                    Assert.DoesNotContain(e.V4!, held.Values);
                    held[uid] = e.V4!;
                }
            }
            AssertConsistent(scenario, held);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    [Trait("rule", "IPAM-9")]
    public void Every_released_address_is_allocatable_again()
    {
        Prop.ForAll(Steps, steps =>
        {
            var scenario = WithPool("10.16.0.0/28");
            var released = new HashSet<string>();
            foreach (var (allocate, pod, _) in steps)
            {
                var events = scenario.When(allocate ? Alloc($"pod-{pod}") : Release($"pod-{pod}")).Events;
                foreach (var r in events.OfType<IpReleased>())
                {
                    released.Add(r.V4!);
                }
                foreach (var a in events.OfType<IpAllocated>())
                {
                    released.Remove(a.V4!);
                }
            }
            var i = 0;
            foreach (var address in released)
            {
                Assert.False(scenario.When(Alloc($"again-{i++}", address)).IsRejected, address);
            }
        }).QuickCheckThrowOnFailure();
    }

    private static void AssertConsistent(Scenario scenario, Dictionary<string, string> held)
    {
        var usage = scenario.State.Usage(IpFamily.V4)!;
        Assert.Equal((UInt128)13, usage.Total);
        Assert.Equal((UInt128)held.Count, usage.Used);
        foreach (var (uid, ip) in held)
        {
            Assert.Equal(uid, scenario.State.HolderOf(ip)!.Owner.PodUid);
        }
    }
}
