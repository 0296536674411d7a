using System.Net;
using static Mesh.Gpu.Tests.Requests;

namespace Mesh.Gpu.Tests;

public sealed class AssignmentTests(GpuFixture fx) : IClassFixture<GpuFixture>
{
    [Fact, Trait("rule", "GPU-1")]
    public async Task A_reported_inventory_is_kept_per_node_and_read_back()
    {
        var node = "inv-" + Id();
        var put = await PutNodeAsync(fx.Agent, node, [T4(0, node), T4(1, node, healthy: false)], labels: new() { ["accelerator"] = "nvidia" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var doc = await (await fx.Member.GetAsync($"/apis/gpu.mesh.io/v1/gpunodes/{node}")).JsonAsync();
        var devices = doc.GetProperty("spec").GetProperty("devices");
        Assert.Equal(2, devices.GetArrayLength());
        Assert.Equal("Tesla T4", devices[0].GetProperty("model").GetString());
        Assert.False(devices[1].GetProperty("healthy").GetBoolean());
        Assert.Equal("nvidia", doc.GetProperty("spec").GetProperty("labels").GetProperty("accelerator").GetString());
        var list = await (await fx.Member.GetAsync("/apis/gpu.mesh.io/v1/gpunodes")).JsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("metadata").GetProperty("name").GetString() == node);
    }

    [Fact, Trait("rule", "GPU-7"), Trait("rule", "GPU-2")]
    public async Task A_shared_pod_gets_the_card_uuid_in_NVIDIA_VISIBLE_DEVICES_and_others_share_it()
    {
        var node = "shared-" + Id();
        await PutNodeAsync(fx.Agent, node, [T4(0, node)]);
        var first = await (await AssignAsync(fx.Member, Pod(Id(), Gpus(1), node))).JsonAsync();
        var second = await AssignAsync(fx.Member, Pod(Id(), Gpus(1), node));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal($"GPU-{node}-0", first.GetProperty("env").GetProperty("NVIDIA_VISIBLE_DEVICES").GetString());
        Assert.False(first.GetProperty("exclusive").GetBoolean());
        Assert.Equal(0, first.GetProperty("warnings").GetArrayLength());
    }

    [Fact, Trait("rule", "GPU-7")]
    public async Task Exclusive_kunlun_cards_leave_the_shared_set_and_then_pods_get_none()
    {
        var node = "xpu-" + Id();
        await PutNodeAsync(fx.Agent, node, [R200(0, node), R200(1, node)]);
        var xpu = new Dictionary<string, string> { ["baidu.com/XPU"] = "1", ["cpu"] = "1", ["memory"] = "1Gi" };
        var a = await (await AssignAsync(fx.Member, Pod(Id(), xpu, node, annotations: Exclusive))).JsonAsync();
        var b = await (await AssignAsync(fx.Member, Pod(Id(), xpu, node, annotations: Exclusive))).JsonAsync();
        Assert.Equal(["0", "1"], new[] { a, b }.Select(x => x.GetProperty("env").GetProperty("CXPU_VISIBLE_DEVICES").GetString()).Order());
        Assert.True(a.GetProperty("exclusive").GetBoolean());
        var none = await AssignAsync(fx.Member, Pod(Id(), xpu, node));
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
        Assert.Equal("insufficient baidu.com/XPU", await none.CodeAsync());
    }

    [Fact, Trait("rule", "GPU-12")]
    public async Task Fractional_slices_share_a_card_until_its_memory_is_used_up()
    {
        var node = "slice-" + Id();
        await PutNodeAsync(fx.Agent, node, [T4(0, node, memory: 16000)]);
        var slice = new Dictionary<string, string> { ["nvidia.com/gpumem"] = "6000", ["nvidia.com/gpucores"] = "30", ["cpu"] = "1", ["memory"] = "1Gi" };
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(fx.Member, Pod(Id(), slice, node))).StatusCode);
        var second = await (await AssignAsync(fx.Member, Pod(Id(), slice, node))).JsonAsync();
        Assert.Equal(6000, second.GetProperty("devices")[0].GetProperty("memoryMiB").GetInt64());
        var third = await AssignAsync(fx.Member, Pod(Id(), slice, node));
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Contains("insufficient nvidia.com/gpumem", (await third.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact, Trait("rule", "GPU-10")]
    public async Task A_pod_below_one_cpu_and_1024Mi_is_assigned_with_warnings()
    {
        var node = "warn-" + Id();
        await PutNodeAsync(fx.Agent, node, [T4(0, node)]);
        var result = await (await AssignAsync(fx.Member, Pod(Id(), Gpus(1, cpu: "500m", memory: "512Mi"), node))).JsonAsync();
        Assert.Equal(2, result.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Assigning_again_is_idempotent_and_release_is_idempotent_by_pod_uid()
    {
        var node = "idem-" + Id();
        var uid = Id();
        await PutNodeAsync(fx.Agent, node, [T4(0, node)]);
        var pod = Pod(uid, Gpus(1), node, annotations: Exclusive);
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(fx.Member, pod)).StatusCode);
        var again = await AssignAsync(fx.Member, pod);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("alreadyAssigned").GetBoolean());

        var released = await (await fx.Member.DeleteAsync($"/apis/gpu.mesh.io/v1/assignments/{uid}")).JsonAsync();
        Assert.Equal(1, released.GetProperty("released").GetArrayLength());
        var twice = await fx.Member.DeleteAsync($"/apis/gpu.mesh.io/v1/assignments/{uid}");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(0, (await twice.JsonAsync()).GetProperty("released").GetArrayLength());
        Assert.Equal(HttpStatusCode.Created, (await AssignAsync(fx.Member, Pod(Id(), Gpus(1), node, annotations: Exclusive))).StatusCode);
    }

    [Fact, Trait("rule", "GPU-11")]
    public async Task An_unhealthy_card_reports_its_pods_and_is_never_assigned_again()
    {
        var node = "sick-" + Id();
        await PutNodeAsync(fx.Agent, node, [T4(0, node)]);
        var uids = new[] { Id(), Id() };
        foreach (var uid in uids)
        {
            await AssignAsync(fx.Member, Pod(uid, Gpus(1), node));
        }
        var health = await fx.Agent.PutAsync($"/apis/gpu.mesh.io/v1/gpunodes/{node}/devices/0/health",
            System.Net.Http.Json.JsonContent.Create(new { healthy = false, reason = "Xid 79: GPU has fallen off the bus" }));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var affected = (await health.JsonAsync()).GetProperty("affectedPods").EnumerateArray().Select(p => p.GetProperty("uid").GetString());
        Assert.Equal(uids.Order(), affected.Order());
        var refused = await AssignAsync(fx.Member, Pod(Id(), Gpus(1), node));
        Assert.Equal("insufficient nvidia.com/gpu", await refused.CodeAsync());
    }
}
