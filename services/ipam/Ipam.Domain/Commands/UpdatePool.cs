namespace Mesh.Ipam.Domain.Commands;

/// <summary>
/// A changed subnet spec (SUB-6). Null leaves a field as it is; the immutable fields are present
/// only so that a change to them can be refused with ImmutableField.
/// </summary>
public sealed record UpdatePool(
    string Subnet,
    DateTimeOffset Now,
    IReadOnlyList<string>? ExcludeIps = null,
    IReadOnlyList<string>? ProjectIds = null,
    IReadOnlyList<string>? Namespaces = null,
    string? Gateway = null,
    string? CidrBlock = null,
    string? Vpc = null,
    string? Provider = null,
    long Generation = 0) : IpamCommand(Subnet, Now);
