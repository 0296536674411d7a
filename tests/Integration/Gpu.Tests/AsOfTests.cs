using System.Net;
using System.Net.Http.Json;
using Mesh.Testing;
using static Mesh.Gpu.Tests.Requests;

namespace Mesh.Gpu.Tests;

/// <summary>SRE-2: GpuNode and GpuQuota documents as they were at a past time, folded from their streams.</summary>
public sealed class AsOfTests(GpuFixture fx) : IClassFixture<GpuFixture>
{
    private static object Quota(string project, long gpus) => new
    {
        apiVersion = "gpu.mesh.io/v1",
        kind = "GpuQuota",
        metadata = new { name = project },
        spec = new { hard = new Dictionary<string, long> { ["nvidia.com/gpu"] = gpus } },
    };

    [Fact, Trait("rule", "SRE-2")]
    public async Task A_quota_as_of_a_past_time_has_the_limit_and_use_of_then_and_did_not_exist_before_it_was_set()
    {
        var project = "asof-" + Id();
        var path = $"/apis/gpu.mesh.io/v1/gpuquotas/{project}";
        var member = fx.Client("member", project);
        var node = "asof-" + Id();
        Assert.Equal(HttpStatusCode.OK, (await PutNodeAsync(fx.Agent, node, [T4(0, node), T4(1, node)])).StatusCode);
        var beforeQuota = await AsOf.MomentAsync();
        Assert.Equal(HttpStatusCode.OK, (await fx.Admin.PutAsJsonAsync(path, Quota(project, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(member, Pod(Id(), Gpus(1), node, project))).StatusCode);
        var then = await AsOf.MomentAsync();
        Assert.Equal(HttpStatusCode.OK, (await fx.Admin.PutAsJsonAsync(path, Quota(project, 4))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(member, Pod(Id(), Gpus(1), node, project))).StatusCode);

        var old = await member.GetAsync(AsOf.Query(path, then));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        var doc = await old.JsonAsync();
        Assert.Equal(2, doc.GetProperty("spec").GetProperty("hard").GetProperty("nvidia.com/gpu").GetInt64());
        Assert.Equal(1, doc.GetProperty("status").GetProperty("used").GetProperty("nvidia.com/gpu").GetInt64());
        var annotations = doc.GetProperty("metadata").GetProperty("annotations");
        Assert.Equal(then, DateTimeOffset.Parse(annotations.GetProperty("mesh.io/as-of").GetString()!));
        Assert.Equal("2", annotations.GetProperty("mesh.io/as-of-version").GetString());

        var none = await member.GetAsync(AsOf.Query(path, beforeQuota));
        Assert.Equal((HttpStatusCode.NotFound, "NotFound"), (none.StatusCode, await none.CodeAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync(AsOf.Query(path, AsOf.LongAgo))).StatusCode);

        var now = await (await member.GetAsync(path)).JsonAsync();
        Assert.Equal(4, now.GetProperty("spec").GetProperty("hard").GetProperty("nvidia.com/gpu").GetInt64());
        Assert.Equal(2, now.GetProperty("status").GetProperty("used").GetProperty("nvidia.com/gpu").GetInt64());
        Assert.False(now.GetProperty("metadata").TryGetProperty("annotations", out _));

        var other = await fx.Client("member", "asof-other").GetAsync(AsOf.Query(path, then));
        Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (other.StatusCode, await other.CodeAsync()));
    }

    [Fact, Trait("rule", "SRE-2")]
    public async Task A_node_as_of_a_past_time_has_the_cards_it_had_reported_by_then()
    {
        var node = "asof-" + Id();
        var path = $"/apis/gpu.mesh.io/v1/gpunodes/{node}";
        var beforeReport = await AsOf.MomentAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutNodeAsync(fx.Agent, node, [T4(0, node), T4(1, node)])).StatusCode);
        var then = await AsOf.MomentAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutNodeAsync(fx.Agent, node, [T4(0, node), T4(1, node), T4(2, node)])).StatusCode);

        var old = await (await fx.Member.GetAsync(AsOf.Query(path, then))).JsonAsync();
        Assert.Equal(2, old.GetProperty("spec").GetProperty("devices").GetArrayLength());
        Assert.Equal("1", old.GetProperty("metadata").GetProperty("annotations").GetProperty("mesh.io/as-of-version").GetString());
        Assert.Equal(3, (await (await fx.Member.GetAsync(path)).JsonAsync()).GetProperty("spec").GetProperty("devices").GetArrayLength());
        var none = await fx.Member.GetAsync(AsOf.Query(path, beforeReport));
        Assert.Equal((HttpStatusCode.NotFound, "NotFound"), (none.StatusCode, await none.CodeAsync()));
    }
}
