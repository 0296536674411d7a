namespace Mesh.Fip.Domain.Commands;

// FIP-1: create the pool of an external network, or change its ranges and excludes.
public sealed record DefinePool(
    string ExternalNetworkId,
    string Name,
    string Cidr,
    string Gateway,
    IReadOnlyList<string> Ranges,
    IReadOnlyList<string> Excludes);
