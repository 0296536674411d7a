namespace Mesh.Ipam.Domain.Commands;

/// <summary>
/// The VPC service's subnet announcement (IPAM-1). Gateway: one per family, default first usable.
/// <c>Generation</c>: the announcement's place in its sender's log; one not newer than the pool's is stale and decides nothing.
/// </summary>
public sealed record CreatePool(
    string Subnet,
    string CidrBlock,
    DateTimeOffset Now,
    string Vpc = "ovn-cluster",
    string? Gateway = null,
    IReadOnlyList<string>? ExcludeIps = null,
    string Provider = "ovn",
    IReadOnlyList<string>? ProjectIds = null,
    IReadOnlyList<string>? Namespaces = null,
    long Generation = 0) : IpamCommand(Subnet, Now);
