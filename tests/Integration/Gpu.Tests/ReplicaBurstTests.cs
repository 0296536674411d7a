using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using static Mesh.Gpu.Tests.Requests;

namespace Mesh.Gpu.Tests;

/// <summary>Two replicas of the service on one database: a burst scheduled through both never over-commits a card.</summary>
public sealed class ReplicaBurstTests(ReplicaBurstTests.TwoReplicas fx) : IClassFixture<ReplicaBurstTests.TwoReplicas>
{
    public sealed class TwoReplicas : GpuFixture
    {
        public WebApplication Second { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Second = await GpuHost.StartAsync(Db, Vhost);
        }

        public override async Task DisposeAsync()
        {
            await Second.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    private async Task<HttpStatusCode[]> BurstAsync(int pods, Func<string, Dictionary<string, object?>> pod)
    {
        HttpClient[] replicas = [fx.Member, fx.Client("member", app: fx.Second)];
        var responses = await Task.WhenAll(Enumerable.Range(0, pods).Select(i => AssignAsync(replicas[i % 2], pod(Id()))));
        foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains(await r.CodeAsync(), new[] { "insufficient nvidia.com/gpu", "insufficient nvidia.com/gpumem", "PlacementConflict" });
        }
        return responses.Select(r => r.StatusCode).ToArray();
    }

    private async Task<JsonElement> StatusAsync(string node) =>
        (await (await fx.Admin.GetAsync($"/apis/gpu.mesh.io/v1/gpunodes/{node}")).JsonAsync()).GetProperty("status");

    [Fact, Trait("rule", "GPU-7"), Trait("rule", "GPU-9")]
    public async Task A_burst_of_exclusive_pods_through_two_replicas_takes_each_card_once()
    {
        var node = "burst-" + Id();
        await PutNodeAsync(fx.Agent, node, Enumerable.Range(0, 8).Select(i => T4(i, node)), labels: new() { ["burst"] = node });
        var codes = await BurstAsync(40, uid => Pod(uid, Gpus(1), annotations: Exclusive, selector: new() { ["burst"] = node }));

        Assert.Equal(8, codes.Count(c => c == HttpStatusCode.Created));
        var status = await StatusAsync(node);
        Assert.Equal(8, status.GetProperty("assignments").GetArrayLength());
        var cards = status.GetProperty("assignments").EnumerateArray().SelectMany(a => a.GetProperty("devices").EnumerateArray())
            .Select(d => d.GetProperty("index").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(0, 8), cards.Order());
    }

    [Fact, Trait("rule", "GPU-12")]
    public async Task A_burst_of_slices_through_two_replicas_never_over_commits_card_memory()
    {
        var node = "slices-" + Id();
        await PutNodeAsync(fx.Agent, node, [T4(0, node, memory: 16000), T4(1, node, memory: 16000)], labels: new() { ["burst"] = node });
        var slice = new Dictionary<string, string> { ["nvidia.com/gpumem"] = "3000", ["cpu"] = "1", ["memory"] = "1Gi" };
        var codes = await BurstAsync(30, uid => Pod(uid, slice, selector: new() { ["burst"] = node }));

        Assert.Equal(10, codes.Count(c => c == HttpStatusCode.Created));
        foreach (var device in (await StatusAsync(node)).GetProperty("devices").EnumerateArray())
        {
            Assert.Equal(15000, device.GetProperty("memoryMiBUsed").GetInt64());
        }
    }
}
