using System.Collections.Concurrent;
using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Gpu;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using static Mesh.Gpu.Tests.Requests;

namespace Mesh.Gpu.Tests;

/// <summary>The bus forms: request/response commands, and node-scoped events a node agent binds for its own node.</summary>
public sealed class BusTests(GpuFixture fx) : IClassFixture<GpuFixture>
{
    private IRequestClient<T> Client<T>() where T : class =>
        fx.App.Services.GetRequiredService<IBus>().CreateRequestClient<T>(RequestTimeout.After(s: 30));

    private static GpuPod BusPod(string uid, string node, string runtime = "rune") => new()
    {
        Namespace = "default", Name = "pod-" + uid, Uid = uid, Project = "p1", Node = node, RuntimeClassName = runtime,
        WorkloadKind = "Job", Requests = Gpus(1),
        Tolerations = [new GpuToleration { Key = "accelerator", Operator = "Equal", Value = "true", Effect = "NoSchedule" }],
    };

    private static ReportGpuInventory Inventory(string node) => new()
    {
        Node = node, Arch = "amd64", Taints = [new GpuTaint("accelerator", "true", "NoSchedule")],
        Devices = [new GpuDeviceInfo(0, $"GPU-{node}-0", "nvidia", "Tesla V100", 32768)],
    };

    [Fact, Trait("rule", "GPU-1"), Trait("rule", "GPU-3")]
    public async Task Inventory_assignment_dry_run_and_release_answer_on_the_bus_with_results_or_Rejected()
    {
        var node = "bus-" + Id();
        var inventory = await Client<ReportGpuInventory>().GetResponse<GpuInventoryAccepted, Rejected>(Inventory(node));
        Assert.True(inventory.Is(out Response<GpuInventoryAccepted>? accepted) && accepted.Message.Changed);

        var uid = Id();
        var assign = Client<AssignPodGpus>();
        var dry = await assign.GetResponse<GpuAssignment, Rejected>(new AssignPodGpus { Pod = BusPod(uid, node), DryRun = true });
        Assert.True(dry.Is(out Response<GpuAssignment>? plan) && plan.Message.DryRun);
        var real = await assign.GetResponse<GpuAssignment, Rejected>(new AssignPodGpus { Pod = BusPod(uid, node) });
        Assert.True(real.Is(out Response<GpuAssignment>? given));
        Assert.Equal($"GPU-{node}-0", given!.Message.Env["NVIDIA_VISIBLE_DEVICES"]);

        var runc = await assign.GetResponse<GpuAssignment, Rejected>(new AssignPodGpus { Pod = BusPod(Id(), node, "runc") });
        Assert.True(runc.Is(out Response<Rejected>? refused));
        Assert.Equal("RuntimeNotSupported", refused!.Message.Code);
        Assert.Equal(422, refused.Message.Status);

        var release = await Client<ReleasePodGpus>().GetResponse<GpuRelease>(new ReleasePodGpus { PodUid = uid, Project = "p1" });
        Assert.Single(release.Message.Released);
    }

    [Fact, Trait("rule", "GPU-11")]
    public async Task A_node_agent_receives_its_own_nodes_assignments_and_health_changes_naming_the_affected_pods()
    {
        var node = "agent-" + Id();
        var seen = new ConcurrentQueue<object>();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMeshMessaging("agent", new MessagingOptions { Url = fx.Vhost.Url }, null, (_, cfg) =>
            cfg.ReceiveEndpoint($"agent-{node}", e =>
            {
                e.BindNodeScoped<PodGpusAssigned>(node);
                e.BindNodeScoped<GpuDeviceHealthChanged>(node);
                e.Handler<PodGpusAssigned>(c => Record(c.Message));
                e.Handler<GpuDeviceHealthChanged>(c => Record(c.Message));
            }), typeof(GpuPod).Assembly);
        using var agent = builder.Build();
        await agent.StartAsync();

        await PutNodeAsync(fx.Agent, node, [T4(0, node)]);
        await PutNodeAsync(fx.Agent, "other-" + node, [T4(0, "other-" + node)]);
        var uid = Id();
        await AssignAsync(fx.Member, Pod(uid, Gpus(1), node));
        await AssignAsync(fx.Member, Pod(Id(), Gpus(1), "other-" + node));
        await fx.Agent.PutAsync($"/apis/gpu.mesh.io/v1/gpunodes/{node}/devices/0/health",
            System.Net.Http.Json.JsonContent.Create(new { healthy = false, reason = "Xid 48" }));

        await Eventually.TrueAsync(() => seen.OfType<GpuDeviceHealthChanged>().Any(), "the health change reaches the node's agent");
        var assigned = Assert.Single(seen.OfType<PodGpusAssigned>());
        Assert.Equal(uid, assigned.PodUid);
        Assert.Equal($"GPU-{node}-0", assigned.Env["NVIDIA_VISIBLE_DEVICES"]);
        Assert.Equal([uid], seen.OfType<GpuDeviceHealthChanged>().Single().AffectedPodUids);
        await agent.StopAsync();

        Task Record(object message)
        {
            seen.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
