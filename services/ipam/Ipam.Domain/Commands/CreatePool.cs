namespace Mesh.Ipam.Domain.Commands;

/// <summary>The VPC service's subnet announcement (IPAM-1). Gateway: one per family, default first usable.</summary>
public sealed record CreatePool(
    string Subnet,
    string CidrBlock,
    DateTimeOffset Now,
    string Vpc = "ovn-cluster",
    string? Gateway = null,
    IReadOnlyList<string>? ExcludeIps = null,
    string Provider = "ovn",
    IReadOnlyList<string>? ProjectIds = null,
    IReadOnlyList<string>? Namespaces = null) : IpamCommand(Subnet, Now);
