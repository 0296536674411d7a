using Mesh.Gpu.Domain;
using static Mesh.Gpu.Domain.Tests.Fixtures;

namespace Mesh.Gpu.Domain.Tests;

[Trait("rule", "GPU-9")]
public class SchedulerSpecs
{
    private static GpuNode Busy(string name, int exclusiveCards, int cards)
    {
        var devices = Enumerable.Range(0, cards).Select(i => Nvidia(i)).ToArray();
        var node = Node(name, Registered(name, devices));
        for (var i = 0; i < exclusiveCards; i++)
        {
            foreach (var e in GpuNodeDecider.Assign(node, new AssignGpus(name, Pod($"{name}-x{i}", exclusive: true))).Events)
            {
                node.Apply(e);
            }
        }
        return node;
    }

    [Fact]
    public void Nine_full_nodes_give_the_message_users_search_for()
    {
        var nodes = Enumerable.Range(0, 9).Select(i => Busy($"n{i}", 1, 1)).ToList();

        var result = GpuScheduler.Schedule(Pod(), nodes);

        Assert.False(result.IsScheduled);
        Assert.Equal("insufficient nvidia.com/gpu", result.Error!.Code);
        Assert.Equal("0/9 nodes are available: 9 insufficient nvidia.com/gpu.", result.Error.Message);
        Assert.Equal("resources.requests[nvidia.com/gpu]", result.Error.Field);
        Assert.NotNull(result.Error.Remedy);
    }

    [Fact]
    public void Reasons_are_grouped_with_counts_and_sorted_like_kube_scheduler()
    {
        var tainted = Node("t", Registered("t", Nvidia(0)));
        var pod = Pod(exclusive: true) with { Tolerations = [] };
        var nodes = new[] { "a", "b" }.Select(n => Node(n, Registered(n) with { Taints = [] })).Append(tainted);

        var result = GpuScheduler.Schedule(pod, nodes);

        Assert.Equal("0/3 nodes are available: 1 node(s) had untolerated taint {accelerator: true}, 2 insufficient nvidia.com/gpu.",
            result.Error?.Message);
    }

    [Fact]
    public void Bin_pack_prefers_the_most_used_node_that_fits()
    {
        var nodes = new[] { Busy("empty", 0, 4), Busy("half", 2, 4), Busy("full", 4, 4) };

        var result = GpuScheduler.Schedule(Pod(exclusive: true), nodes);

        Assert.Equal("half", result.Placement?.Node);
    }

    [Fact]
    public void Spread_prefers_the_least_used_node()
    {
        var nodes = new[] { Busy("half", 2, 4), Busy("empty", 0, 4), Busy("quarter", 1, 4) };

        var result = GpuScheduler.Schedule(Pod(exclusive: true), nodes, PackStrategy.Spread);

        Assert.Equal("empty", result.Placement?.Node);
    }

    [Fact]
    public void A_dry_run_changes_nothing_and_matches_what_the_node_then_commits()
    {
        var node = Busy("n1", 1, 2);
        var before = node.Assignments.Count;

        var placement = GpuScheduler.Schedule(Pod("p1"), [node]).Placement!;
        Assert.Equal(before, node.Assignments.Count);

        var e = Then.Single<GpuDevicesAssigned>(GpuNodeDecider.Decide(node, placement.ToCommand(Pod("p1"))));
        Assert.Equal(placement.VisibleDevices, e.VisibleDevices);
    }

    [Fact]
    public void Two_requests_that_picked_the_same_card_cannot_both_commit()
    {
        var spec = Spec.Given("n1", Registered("n1", Nvidia(0), Nvidia(1)));
        var first = GpuScheduler.Schedule(Pod("a", exclusive: true), [spec.State]).Placement!;
        var second = GpuScheduler.Schedule(Pod("b", exclusive: true), [spec.State]).Placement!;
        Assert.Equal(first.Indices, second.Indices);

        Then.Single<GpuDevicesAssigned>(spec.Run(first.ToCommand(Pod("a", exclusive: true))));
        Then.Rejected(spec.When(second.ToCommand(Pod("b", exclusive: true))), GpuErrors.PlacementConflictCode);

        var retry = GpuScheduler.Schedule(Pod("b", exclusive: true), [spec.State]).Placement!;
        Then.Single<GpuDevicesAssigned>(spec.Run(retry.ToCommand(Pod("b", exclusive: true))));
    }

    [Fact]
    public void A_pod_that_already_holds_cards_is_answered_with_the_same_placement()
    {
        var node = Busy("n1", 1, 2);

        var result = GpuScheduler.Schedule(Pod("n1-x0", exclusive: true), [Busy("n0", 0, 2), node]);

        Assert.True(result.Placement!.AlreadyAssigned);
        Assert.Equal("n1", result.Placement.Node);
    }

    [Fact]
    public void Node_selectors_filter_by_label()
    {
        var labelled = Registered("p100", Nvidia(0)) with { Labels = new Dictionary<string, string> { ["accelerator"] = "nvidia-p100" } };
        var pod = Pod() with { NodeSelector = new Dictionary<string, string> { ["accelerator"] = "nvidia-p100" } };

        var result = GpuScheduler.Schedule(pod, [Busy("other", 0, 1), Node("p100", labelled)]);

        Assert.Equal("p100", result.Placement?.Node);
    }

    [Fact]
    public void No_registered_node_is_insufficient()
    {
        var result = GpuScheduler.Schedule(Pod(), []);
        Assert.Equal("insufficient nvidia.com/gpu", result.Error?.Code);
        Assert.StartsWith("0/0 nodes are available", result.Error?.Message);
    }
}
