using Mesh.Ipam.Domain.Pools;

namespace Mesh.Ipam.Domain.Commands;

/// <summary>IPAM-9. Without <see cref="Interface"/> every interface of the pod is released.</summary>
public sealed record ReleaseIp(
    string Subnet,
    string PodUid,
    DateTimeOffset Now,
    string? Interface = null,
    string Reason = ReleaseReasons.PodDeleted) : IpamCommand(Subnet, Now);
