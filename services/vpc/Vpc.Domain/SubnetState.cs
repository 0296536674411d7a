using Mesh.Vpc.Domain.Net;

namespace Mesh.Vpc.Domain;

// A subnet in the topology: its definition, parsed prefixes, saga and usage status.
public sealed record SubnetState(SubnetDefinition Definition, IReadOnlyList<IpPrefix> Prefixes, bool Deleting, SubnetUsage Usage)
{
    public string Name => Definition.Name;

    public string Vpc => Definition.Vpc;
}
