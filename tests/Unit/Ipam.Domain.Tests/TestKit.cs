using System.Security.Cryptography;
using System.Text;
using Mesh.Contracts;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;

namespace Mesh.Ipam.Domain.Tests;

/// <summary>Given events / when command / then events, with the state evolved only by the events.</summary>
internal sealed class Scenario
{
    public const string Subnet = "net1";
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 14, 0, 0, TimeSpan.Zero);

    public Scenario(params object[] given) => State = SubnetPool.Replay(Subnet, given);

    public SubnetPool State { get; }

    public static Scenario WithPool(
        string cidr = "10.16.0.0/24", string? gateway = null, IReadOnlyList<string>? excludes = null,
        IReadOnlyList<string>? projects = null, string provider = "ovn")
    {
        var scenario = new Scenario();
        scenario.Accept(new CreatePool(Subnet, cidr, T0, Gateway: gateway, ExcludeIps: excludes, ProjectIds: projects,
            Provider: provider));
        return scenario;
    }

    /// <summary>Decides and applies, as the single-writer actor does.</summary>
    public Decision When(IpamCommand command)
    {
        var decision = IpamDecider.Decide(State, command);
        foreach (var e in decision.Events)
        {
            State.Apply(e);
        }
        return decision;
    }

    public IReadOnlyList<object> Accept(IpamCommand command)
    {
        var decision = When(command);
        Assert.False(decision.IsRejected, decision.Error?.ToString());
        return decision.Events;
    }

    public IpAllocated Allocate(AllocateIp command) => Assert.Single(Accept(command).OfType<IpAllocated>());

    public IpAllocated Allocate(string uid, string? ip = null) => Allocate(Alloc(uid, ip));

    public static AllocateIp Alloc(
        string uid, string? ip = null, string iface = "eth0", string? mac = null, string? sticky = null,
        string project = "p1", string node = "node1", DateTimeOffset? now = null, TimeSpan quarantine = default) =>
        new(Subnet, uid, "default", $"pod-{uid}", node, project, now ?? T0, iface, null, ip, mac, sticky,
            SHA256.HashData(Encoding.UTF8.GetBytes(uid)), quarantine);

    public static ReleaseIp Release(string uid, string? iface = null, DateTimeOffset? now = null, string reason = ReleaseReasons.PodDeleted) =>
        new(Subnet, uid, now ?? T0, iface, reason);

    public static void AssertRejected(Decision decision, string code)
    {
        Assert.True(decision.IsRejected, "expected a refusal");
        Assert.Equal(code, decision.Error!.Code);
        Assert.Empty(decision.Events);
    }
}
