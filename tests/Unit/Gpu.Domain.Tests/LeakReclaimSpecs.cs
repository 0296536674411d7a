using Mesh.Contracts.Leaks;
using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

/// <summary>IPAM-11b: cards of pods missing from their node's reports go back like addresses, under the same rules (IPAM-11a).</summary>
[Trait("rule", "IPAM-11b")]
public class LeakReclaimSpecs
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 14, 0, 0, TimeSpan.Zero);
    private static readonly LeakPolicy Policy = new() { Grace = TimeSpan.FromMinutes(5), Reports = 2, MaxShare = 0.5 };

    private static Spec ThreePods()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Nvidia(1), Nvidia(2)));
        foreach (var uid in new[] { "a", "b", "c" })
        {
            spec.Run(new AssignGpus("n1", Pod(uid, exclusive: true)));
        }
        return spec;
    }

    private static ReportNodePods Report(DateTimeOffset at, params string[] live) =>
        new("n1", live.ToHashSet(), at, PodsKnown: true, Policy);

    [Fact]
    public void A_pod_missing_from_enough_reports_past_the_grace_period_gives_its_cards_and_nothing_else_moves()
    {
        var spec = ThreePods();
        var first = Then.Single<PodLeakSuspected>(spec.Run(Report(T0, "a", "b")));
        Assert.Equal(("c", 1, 2), (first.PodUid, first.Reports, first.Required));
        Assert.Equal(2, Then.Single<PodLeakSuspected>(spec.Run(Report(T0.AddMinutes(1), "a", "b"))).Reports);
        Then.Nothing(spec.Run(Report(T0.AddMinutes(4), "a", "b")));

        var released = Then.Single<GpuDevicesReleased>(spec.Run(Report(T0.AddMinutes(6), "a", "b")));
        Assert.Equal(("c", GpuNodeDecider.LeakReclaimed, "proj-a"), (released.PodUid, released.Reason, released.Project));
        Assert.Equal(["a", "b"], spec.State.Assignments.Keys.Order());
        Assert.Empty(spec.State.Leaks.Marks);
    }

    [Fact]
    public void A_pod_that_shows_up_again_is_cleared_and_a_repeated_report_counts_once()
    {
        var spec = ThreePods();
        spec.Run(Report(T0, "a", "b"));
        Then.Nothing(spec.Run(Report(T0, "a", "b")));
        Then.Single<PodLeakCleared>(spec.Run(Report(T0.AddMinutes(1), "a", "b", "c")));
        Assert.Equal(1, Then.Single<PodLeakSuspected>(spec.Run(Report(T0.AddMinutes(10), "a", "b"))).Reports);
        // Its clock restarted: two reports, but within the grace period of the new suspicion.
        Assert.Equal(2, Then.Single<PodLeakSuspected>(spec.Run(Report(T0.AddMinutes(11), "a", "b"))).Reports);
        Then.Nothing(spec.Run(Report(T0.AddMinutes(12), "a", "b")));
        Assert.True(spec.State.Assignments.ContainsKey("c"));
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public void A_report_without_a_pod_source_changes_nothing()
    {
        var spec = ThreePods();
        Then.Nothing(spec.Run(Report(T0) with { PodsKnown = false }));
        Then.Nothing(spec.Run(Report(T0.AddHours(1)) with { PodsKnown = false }));
        Assert.Empty(spec.State.Leaks.Marks);
    }

    [Fact]
    [Trait("rule", "IPAM-11a")]
    public void Every_pod_gone_at_once_is_withheld_once_until_an_operator_confirms()
    {
        var spec = ThreePods();
        spec.Run(Report(T0));
        spec.Run(Report(T0.AddMinutes(1)));
        var withheld = Then.Single<PodReclaimWithheld>(spec.Run(Report(T0.AddMinutes(6))));
        Assert.Equal(["a", "b", "c"], withheld.PodUids);
        Assert.Equal((3, 3, 0.5), (withheld.NodeDue, withheld.NodeHolders, withheld.MaxShare));
        Then.Nothing(spec.Run(Report(T0.AddMinutes(7))));
        Assert.Equal(3, spec.State.Assignments.Count);

        var confirmed = spec.Run(new ConfirmNodeReclaim("n1", T0.AddMinutes(8), Policy));
        Assert.Equal(["a", "b", "c"], confirmed.Events.OfType<GpuDevicesReleased>().Select(r => r.PodUid));
        Assert.Empty(spec.State.Assignments);
        Assert.True(spec.State.UsageOf(0).IsFree);
    }
}

[Trait("rule", "NODE-1")]
public class NodeRemovalSpecs
{
    [Fact]
    public void A_removed_node_gives_back_every_card_and_takes_no_more_pods_until_it_registers_again()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Nvidia(1)));
        spec.Run(new AssignGpus("n1", Pod("a", exclusive: true)));
        spec.Run(new AssignGpus("n1", Pod("b", exclusive: true)));

        var removed = spec.Run(new RemoveGpuNode("n1"));
        var released = removed.Events.OfType<GpuDevicesReleased>().ToList();
        Assert.Equal(["a", "b"], released.Select(r => r.PodUid));
        Assert.All(released, r => Assert.Equal((GpuNodeDecider.NodeRemoved, "proj-a"), (r.Reason, r.Project)));
        Assert.IsType<GpuNodeRemoved>(removed.Events[^1]);
        Assert.False(spec.State.Registered);
        Then.Rejected(spec.When(new AssignGpus("n1", Pod("c"))), GpuErrors.NodeNotFoundCode);
        Then.Nothing(spec.Run(new RemoveGpuNode("n1")));

        Then.Single<GpuNodeRegistered>(spec.Run(Register("n1", Nvidia(0))));
        Then.Single<GpuDevicesAssigned>(spec.Run(new AssignGpus("n1", Pod("c"))));
    }
}
