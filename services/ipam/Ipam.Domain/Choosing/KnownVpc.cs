namespace Mesh.Ipam.Domain.Choosing;

/// <summary>A VPC, its default subnet and the namespaces it serves (Vpc.spec.namespaces).</summary>
public sealed record KnownVpc(string Name, string DefaultSubnet, IReadOnlyList<string>? Namespaces = null)
{
    public bool Serves(string podNamespace) => Namespaces?.Contains(podNamespace) == true;
}
