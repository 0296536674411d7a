using System.CommandLine;
using Mesh.Contracts.Ipam;
using Mesh.Messaging;
using Mesh.NodeAgent;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// node-agent: registers a node, reports what it has, and applies its own node's events locally.
var nodeOption = new Option<string>("--node") { Required = true, Description = "the node name (DNS-1123)" };
var description = new Option<FileInfo?>("--description") { Description = "a YAML node description; without it, real discovery (sysfs, nvidia-smi)" };
var stateFile = new Option<string?>("--state") { Description = "where the local state goes (default ./node-agent-<node>.json)" };
var amqp = new Option<string>("--amqp") { DefaultValueFactory = _ => Environment.GetEnvironmentVariable("Mesh__RabbitMq__Url") ?? "amqp://guest:guest@127.0.0.1:55672/" };
var sriovNamespace = new Option<string>("--sriov-namespace") { DefaultValueFactory = _ => "eks-managed", Description = "namespace of the SriovNetworkNodeState" };
var podSource = new Option<string?>("--pod-source")
{
    Description = "where the node's live pods are read (IPAM-11): kubelet[:URL] (default https://127.0.0.1:10250/pods), crictl[:PATH], "
        + "file:PATH (a PodList or crictl pods -o json), description, none; default: the description's pods if it lists them, else none",
};
var kubeletToken = new Option<string?>("--kubelet-token-file") { Description = "bearer token for the kubelet (default the pod's service account token)" };
var kubeletInsecure = new Option<bool>("--kubelet-insecure-tls") { Description = "accept the kubelet's self-signed serving certificate" };
var interval = new Option<int>("--report-seconds") { DefaultValueFactory = _ => 30, Description = "how often live pods and inventory are reported" };

var discover = new Command("discover", "print what real discovery finds on this host, as a description file") { nodeOption };
discover.SetAction(parse =>
{
    Console.Write(Descriptions.ToYaml(Discovery.Discover(parse.GetValue(nodeOption)!)));
    return 0;
});

var run = new Command("run", "register, report and apply node-scoped events until stopped") { nodeOption, description, stateFile, amqp, interval, sriovNamespace, podSource, kubeletToken, kubeletInsecure };
run.SetAction(async (parse, ct) =>
{
    var node = parse.GetValue(nodeOption)!;
    var desc = parse.GetValue(description) is { } file ? Descriptions.Load(file.FullName) with { Node = node } : Discovery.Discover(node);
    var state = new NodeState(parse.GetValue(stateFile) ?? $"node-agent-{node}.json");
    IPodSource? pods;
    try
    {
        pods = PodSources.Parse(parse.GetValue(podSource), desc, parse.GetValue(kubeletToken), parse.GetValue(kubeletInsecure));
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine($"node-agent: {ex.Message}");
        return 2;
    }
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true);
    var reporter = new Reporter(desc, parse.GetValue(sriovNamespace)!);
    builder.Services.AddSingleton(reporter);
    builder.Services.AddMassTransit(x => x.DisableUsageTelemetry().UsingRabbitMq((context, cfg) =>
    {
        var uri = new Uri(parse.GetValue(amqp)!);
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        cfg.Host(uri.Host, (ushort)uri.Port, uri.AbsolutePath.Trim('/') is { Length: > 0 } v ? Uri.UnescapeDataString(v) : "/", h =>
        {
            h.Username(user);
            h.Password(Uri.UnescapeDataString(uri.UserInfo.Split(':').ElementAtOrDefault(1) ?? ""));
        });
        NodeRouting.ConfigureNodeScopedPublishing(cfg);
        NodeBus.Configure(cfg, node, state, (type, message) =>
        {
            Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {type} {message.ToJsonString()}");
            _ = reporter.OnEventAsync(type, message, CancellationToken.None);
        });
    }));
    using var host = builder.Build();
    await host.StartAsync(ct);
    var bus = host.Services.GetRequiredService<IBus>();
    Console.WriteLine($"node-agent {node}: bound node.{node}; state in {parse.GetValue(stateFile) ?? $"node-agent-{node}.json"}; "
        + (pods is null ? "no pod source: IPAM reclaims nothing on this node (set --pod-source)" : $"pods from {pods.Name}"));
    while (!ct.IsCancellationRequested)
    {
        await reporter.ReportAsync(ct);
        await ReportPodsAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(parse.GetValue(interval)), ct);
        }
        catch (OperationCanceledException)
        {
            break;
        }
    }
    await host.StopAsync(CancellationToken.None);
    return 0;

    // IPAM-11a: with no source the report says so (and IPAM reclaims nothing); a source that cannot be read
    // this round sends no report at all, never an empty list.
    async Task ReportPodsAsync()
    {
        var observed = DateTimeOffset.UtcNow;
        if (pods is null)
        {
            await bus.Publish(new ReportLivePods(node, [], observed, ReportLivePods.NoPodSource), ct);
            return;
        }
        IReadOnlyList<string> live;
        try
        {
            live = await pods.ReadAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} pods from {pods.Name} not read ({ex.Message}): no live-pod report this round");
            return;
        }
        await bus.Publish(new ReportLivePods(node, live, observed, pods.Name), ct);
    }
});

// NODE-1: the node leaves the cluster (drained and being decommissioned): everything its pods held is released.
var deregister = new Command("deregister", "announce that this node leaves the cluster: its addresses, VFs and GPUs are released (NodeRemoved)") { nodeOption, amqp };
deregister.SetAction(async (parse, ct) =>
{
    var node = parse.GetValue(nodeOption)!;
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.ClearProviders();
    builder.Services.AddMeshMessaging("node-agent", new MessagingOptions { Url = parse.GetValue(amqp)! });
    using var host = builder.Build();
    await host.StartAsync(ct);
    await host.Services.GetRequiredService<IBus>().Publish(new Mesh.Contracts.Nodes.NodeRemoved(node, DateTimeOffset.UtcNow, "node-agent:" + node), ct);
    await host.StopAsync(CancellationToken.None);
    Console.WriteLine($"node-agent {node}: deregistered (NodeRemoved published)");
    return 0;
});

return await new RootCommand("node-agent: a node's front door to the mesh") { run, discover, deregister }.Parse(args).InvokeAsync();
