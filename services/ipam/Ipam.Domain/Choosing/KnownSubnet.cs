namespace Mesh.Ipam.Domain.Choosing;

/// <summary>What the chooser needs to know of a subnet announced by the VPC service.</summary>
public sealed record KnownSubnet(string Name, string Vpc, string Provider = "ovn", IReadOnlyList<string>? Namespaces = null)
{
    public bool BoundTo(string podNamespace) => Namespaces?.Contains(podNamespace) == true;
}
