using System.Net;
using static Mesh.Gpu.Tests.Requests;

namespace Mesh.Gpu.Tests;

/// <summary>Scheduling with no node given, over this class's own cluster of nine nodes.</summary>
public sealed class SchedulingTests(SchedulingTests.Cluster fx) : IClassFixture<SchedulingTests.Cluster>
{
    public sealed class Cluster : GpuFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            for (var i = 0; i < 9; i++)
            {
                var node = $"node-{i}";
                await PutNodeAsync(Agent, node, [T4(0, node), T4(1, node)], labels: new() { ["pool"] = i < 3 ? "a" : "b" });
            }
        }
    }

    private static Dictionary<string, string> Pool(string pool) => new() { ["pool"] = pool };

    [Fact, Trait("rule", "GPU-9")]
    public async Task With_no_node_the_refusal_is_explained_per_node_the_way_kube_scheduler_does()
    {
        var response = await AssignAsync(fx.Member, Pod(Id(), Gpus(3)));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("insufficient nvidia.com/gpu", problem.GetProperty("code").GetString());
        Assert.Equal("0/9 nodes are available: 9 insufficient nvidia.com/gpu.", problem.GetProperty("detail").GetString());

        var untolerated = await (await AssignAsync(fx.Member, Pod(Id(), Gpus(1), tolerations: []))).JsonAsync();
        Assert.Equal("0/9 nodes are available: 9 node(s) had untolerated taint {accelerator: true}.", untolerated.GetProperty("detail").GetString());
    }

    [Fact, Trait("rule", "GPU-9")]
    public async Task Bin_pack_fills_one_node_first_and_spread_uses_the_least_used()
    {
        var first = await (await AssignAsync(fx.Member, Pod(Id(), Gpus(1), annotations: Exclusive, selector: Pool("a")))).JsonAsync();
        var packed = await (await AssignAsync(fx.Member, Pod(Id(), Gpus(1), annotations: Exclusive, selector: Pool("a")))).JsonAsync();
        Assert.Equal(first.GetProperty("node").GetString(), packed.GetProperty("node").GetString());
        var spread = await (await AssignAsync(fx.Member, Pod(Id(), Gpus(1), annotations: Exclusive, selector: Pool("a")), "?strategy=spread")).JsonAsync();
        Assert.NotEqual(first.GetProperty("node").GetString(), spread.GetProperty("node").GetString());
    }

    [Fact]
    public async Task A_dry_run_says_where_the_pod_would_go_and_changes_nothing()
    {
        var uid = Id();
        var pod = Pod(uid, Gpus(2), annotations: Exclusive, selector: Pool("b"));
        var before = await (await fx.Member.GetAsync("/apis/gpu.mesh.io/v1/gpunodes")).Content.ReadAsStringAsync();
        var dry = await AssignAsync(fx.Member, pod, "?dryRun=true");
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        var plan = await dry.JsonAsync();
        Assert.True(plan.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, plan.GetProperty("devices").GetArrayLength());
        Assert.Equal(before, await (await fx.Member.GetAsync("/apis/gpu.mesh.io/v1/gpunodes")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Member.GetAsync($"/apis/gpu.mesh.io/v1/assignments/{uid}")).StatusCode);

        var real = await (await AssignAsync(fx.Member, pod)).JsonAsync();
        Assert.Equal(plan.GetProperty("node").GetString(), real.GetProperty("node").GetString());
        var dryOnNode = await AssignAsync(fx.Member, Pod(Id(), Gpus(1), real.GetProperty("node").GetString(), annotations: Exclusive), "?dryRun=true");
        Assert.Equal("insufficient nvidia.com/gpu", await dryOnNode.CodeAsync());
    }
}
