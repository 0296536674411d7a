using System.Collections.Concurrent;
using System.Net;
using MassTransit;
using Mesh.Contracts;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Sriov;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Sriov.Tests;

/// A stand-in for the IPAM service on the test vhost: learns each network's range from
/// SriovIpRangeAnnounced and answers AllocateIp with the lowest free, non-excluded address of it.
/// Also a node agent for node-10: records the node-scoped messages routed to it.
public sealed class FakeIpam
{
    private readonly ConcurrentDictionary<string, SriovIpRangeAnnounced> _ranges = new();
    private readonly Dictionary<(string Pod, string Iface), IpAllocation> _given = new();

    public bool RefuseAll { get; set; }
    public ConcurrentQueue<object> AgentInbox { get; } = new();
    public ConcurrentQueue<object> Published { get; } = new();
    public ConcurrentQueue<ReleaseIp> Releases { get; } = new();

    public bool Knows(string pool) => _ranges.ContainsKey(pool);

    public static async Task<(IHost Host, FakeIpam Ipam)> StartAsync(TestVirtualHost vhost, bool answerIpam = true)
    {
        var ipam = new FakeIpam();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(ipam);
        builder.Services.AddMeshMessaging("fake-ipam", new MessagingOptions { Url = vhost.Url }, null, (ctx, cfg) =>
        {
            cfg.ReceiveEndpoint("fake-ipam-commands", e =>
            {
                if (!answerIpam)
                {
                    e.Handler<NetworkAttachmentDefinitionApplied>(c => { ipam.Published.Enqueue(c.Message); return Task.CompletedTask; });
                    return;
                }
                e.Handler<AllocateIp>(c => { var r = ipam.Allocate(c.Message); return c.RespondAsync(r, r.GetType()); });
                e.Handler<ReleaseIp>(c => { ipam.Release(c.Message); return Task.CompletedTask; });
                e.Handler<SriovIpRangeAnnounced>(c => { ipam._ranges[c.Message.PoolOrDefault] = c.Message; return Task.CompletedTask; });
                e.Handler<NetworkAttachmentDefinitionApplied>(c => { ipam.Published.Enqueue(c.Message); return Task.CompletedTask; });
                e.Handler<SriovIpRangeRemoved>(c => { ipam.Published.Enqueue(c.Message); return Task.CompletedTask; });
            });
            cfg.ReceiveEndpoint("agent-node-10", e =>
            {
                e.BindNodeScoped<SriovNodeConfigurationDesired>("node-10");
                e.BindNodeScoped<SriovVfsAllocated>("node-10");
                e.BindNodeScoped<SriovVfsReleased>("node-10");
                e.Handler<SriovNodeConfigurationDesired>(c => { ipam.AgentInbox.Enqueue(c.Message); return Task.CompletedTask; });
                e.Handler<SriovVfsAllocated>(c => { ipam.AgentInbox.Enqueue(c.Message); return Task.CompletedTask; });
                e.Handler<SriovVfsReleased>(c => { ipam.AgentInbox.Enqueue(c.Message); return Task.CompletedTask; });
            });
        }, typeof(SriovVfsAllocated).Assembly);
        var host = builder.Build();
        await host.StartAsync();
        return (host, ipam);
    }

    private object Allocate(AllocateIp m)
    {
        lock (_given)
        {
            if (_given.TryGetValue((m.PodUid, m.Interface), out var again))
            {
                return again;
            }
            if (RefuseAll || m.Subnet is null || !_ranges.TryGetValue(m.Subnet, out var range))
            {
                return Rejected.From(new MeshError("IpNotEnough", $"subnet {m.Subnet} has no free address", ErrorKind.Exhausted, "subnet", m.Subnet));
            }
            var cidr = IPNetwork.Parse(range.Range);
            var excluded = range.Exclude.Select(Excluded).ToList();
            var used = _given.Values.Where(a => a.Subnet == m.Subnet).Select(a => a.IpAddress).ToHashSet();
            var first = BitConverter.ToUInt32(cidr.BaseAddress.GetAddressBytes().Reverse().ToArray());
            for (var i = 1u; i < Math.Pow(2, 32 - cidr.PrefixLength) - 1; i++)
            {
                var ip = new IPAddress(BitConverter.GetBytes(first + i).Reverse().ToArray());
                if (ip.ToString() != range.Gateway && !excluded.Any(x => x(ip)) && !used.Contains(ip.ToString()))
                {
                    var given = new IpAllocation(m.PodUid, m.Interface, m.Subnet, "sriov", ip.ToString(), m.MacAddress ?? "02:00:00:00:00:01",
                        range.Range, range.Gateway ?? "", m.Node, 1);
                    _given[(m.PodUid, m.Interface)] = given;
                    return given;
                }
            }
            return Rejected.From(new MeshError("IpNotEnough", $"subnet {m.Subnet} is exhausted", ErrorKind.Exhausted));
        }
    }

    // Exclusions arrive as addresses or first..last ranges (CIDRs are announced as ranges).
    private static Func<IPAddress, bool> Excluded(string entry)
    {
        var parts = entry.Split("..");
        var (low, high) = (Key(IPAddress.Parse(parts[0])), Key(IPAddress.Parse(parts[^1])));
        return ip => Key(ip) >= low && Key(ip) <= high;
    }

    private static uint Key(IPAddress ip) => BitConverter.ToUInt32(ip.GetAddressBytes().Reverse().ToArray());

    private void Release(ReleaseIp m)
    {
        Releases.Enqueue(m);
        lock (_given)
        {
            foreach (var key in _given.Keys.Where(k => k.Pod == m.PodUid && (m.Interface is null || k.Iface == m.Interface)).ToList())
            {
                _given.Remove(key);
            }
        }
    }
}
