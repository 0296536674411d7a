using System.Collections.Concurrent;
using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Vpc;
using Mesh.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Ipam.Tests;

/// <summary>
/// Another service on the bus: sends IPAM's commands with the request client, publishes the VPC
/// service's events, and records what IPAM publishes (a node agent's queue binds only node n1).
/// </summary>
public sealed class ClientBus : IAsyncDisposable
{
    private readonly IHost _host;

    private ClientBus(IHost host) => _host = host;

    public ConcurrentQueue<object> Seen { get; } = new();

    public ConcurrentQueue<AddressAllocated> NodeN1 { get; } = new();

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public static async Task<ClientBus> StartAsync(string url)
    {
        ClientBus? self = null;
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddMeshMessaging("client", new MessagingOptions { Url = url }, null, (ctx, cfg) =>
        {
            cfg.ReceiveEndpoint("client-observer", e =>
            {
                e.BindNodeScoped<AddressAllocated>();
                e.BindNodeScoped<AddressReleased>();
                e.Handler<AddressAllocated>(c => Record(c.Message));
                e.Handler<AddressReleased>(c => Record(c.Message));
            });
            // BindNodeScoped turns the default topology off for its endpoint: other events get their own.
            cfg.ReceiveEndpoint("client-events", e =>
            {
                e.Handler<SubnetUsageWarning>(c => Record(c.Message));
                e.Handler<SubnetUsageChanged>(c => Record(c.Message));
                e.Handler<SubnetDeletionPrepared>(c => Record(c.Message));
                e.Handler<SubnetDeletionRefused>(c => Record(c.Message));
            });
            cfg.ReceiveEndpoint("agent-n1", e =>
            {
                e.BindNodeScoped<AddressAllocated>("n1");
                e.Handler<AddressAllocated>(c =>
                {
                    self!.NodeN1.Enqueue(c.Message);
                    return Task.CompletedTask;
                });
            });
        }, typeof(AddressAllocated).Assembly);
        var host = builder.Build();
        self = new ClientBus(host);
        await host.StartAsync();
        return self;

        Task Record(object message)
        {
            self!.Seen.Enqueue(message);
            return Task.CompletedTask;
        }
    }

    public IRequestClient<T> Client<T>() where T : class => Bus.CreateRequestClient<T>(RequestTimeout.After(s: 60));

    public async Task<(IpAllocation? Ok, Rejected? No)> AllocateAsync(AllocateIp command, IRequestClient<AllocateIp>? client = null)
    {
        var response = await (client ?? Client<AllocateIp>()).GetResponse<IpAllocation, Rejected>(command);
        if (response.Is(out Response<IpAllocation>? ok))
        {
            return (ok!.Message, null);
        }
        return response.Is(out Response<Rejected>? no) ? (null, no!.Message) : throw new InvalidOperationException("no answer");
    }

    public async Task<IpReleaseResult> ReleaseAsync(string podUid, string project = "p1")
    {
        var response = await Client<ReleaseIp>().GetResponse<IpReleaseResult, Rejected>(new ReleaseIp { Project = project, PodUid = podUid });
        return response.Is(out Response<IpReleaseResult>? ok) ? ok!.Message : throw new InvalidOperationException(response.Message.ToString());
    }

    public static SubnetAnnounced Subnet(string name, string cidr, string gateway, IReadOnlyList<string>? projects = null,
        IReadOnlyList<string>? namespaces = null, string vpc = "ovn-cluster", bool isDefault = false) =>
        new(name, vpc, cidr, gateway, [gateway], true, projects ?? [], namespaces ?? [], "ovn", "IPv4", isDefault);

    public static AllocateIp Pod(string uid, string? subnet, string project = "p1", string node = "n1", string ns = "default",
        string? ip = null) =>
        new() { Project = project, PodUid = uid, PodNamespace = ns, PodName = "pod-" + uid, Node = node, Subnet = subnet, IpAddress = ip };

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
