namespace Mesh.Ipam.Domain.Commands;

/// <summary>
/// IPAM-3. <see cref="IpAddress"/> is a static request, one address per family ("10.16.0.15,fd00::f").
/// <see cref="RandomBytes"/> feeds MAC generation so that the decider stays deterministic;
/// <see cref="Quarantine"/> is the configured IPAM-8 period (default 0).
/// </summary>
public sealed record AllocateIp(
    string Subnet,
    string PodUid,
    string PodNamespace,
    string PodName,
    string Node,
    string Project,
    DateTimeOffset Now,
    string Interface = "eth0",
    string? Provider = null,
    string? IpAddress = null,
    string? MacAddress = null,
    string? StickyKey = null,
    byte[]? RandomBytes = null,
    TimeSpan Quarantine = default) : IpamCommand(Subnet, Now);
