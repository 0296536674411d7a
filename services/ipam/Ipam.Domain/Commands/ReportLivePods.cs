namespace Mesh.Ipam.Domain.Commands;

/// <summary>IPAM-11: a node agent's list of the pod uids alive on its node, taken at <c>Now</c>.</summary>
public sealed record ReportLivePods(
    string Subnet,
    string Node,
    IReadOnlySet<string> LivePodUids,
    DateTimeOffset Now,
    TimeSpan? Grace = null) : IpamCommand(Subnet, Now)
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromMinutes(5);

    public TimeSpan EffectiveGrace => Grace ?? DefaultGrace;
}
