using Mesh.Addressing;

namespace Mesh.Vpc.Domain;

// A subnet in the topology: its definition, parsed prefixes, saga and usage status. DeletionSaga is
// the running deletion saga (SUB-9); LastAbort the answer of the last one IPAM refused.
public sealed record SubnetState(SubnetDefinition Definition, IReadOnlyList<IpPrefix> Prefixes, bool Deleting, SubnetUsage Usage,
    Guid DeletionSaga = default, SubnetDeletionAborted? LastAbort = null, long UsagePoolVersion = 0)
{
    public string Name => Definition.Name;

    public string Vpc => Definition.Vpc;
}
