using Mesh.Addressing;

namespace Mesh.Ipam.Domain.Choosing;

/// <summary>What the chooser needs to know of a subnet announced by the VPC service.</summary>
public sealed record KnownSubnet(string Name, string Vpc, string Provider = "ovn", IReadOnlyList<string>? Namespaces = null, string? CidrBlock = null)
{
    public bool BoundTo(string podNamespace) => Namespaces?.Contains(podNamespace) == true;

    /// <summary>The pool's CIDRs (one per family); none when the CIDR block is unknown or unreadable.</summary>
    public IReadOnlyList<IpPrefix> Prefixes =>
        DualStack.TryParseCidrBlock(CidrBlock, out var prefixes, out _) ? prefixes : [];

    /// <summary>POOL-1: whether the two pools share an address (a pod may then not hold interfaces in both).</summary>
    public bool Overlaps(KnownSubnet other) => Prefixes.Any(p => other.Prefixes.Any(p.Overlaps));
}
