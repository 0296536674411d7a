using Mesh.Addressing;

namespace Mesh.Vpc.Domain;

// A subnet in the topology: its definition, parsed prefixes, saga and usage status. DeletionSaga is
// the running deletion saga (SUB-9); LastAbort the answer of the last one IPAM refused. PendingChange is a
// change in agreement with IPAM (POOL-2), LastChangeAbort IPAM's refusal of the last one.
public sealed record SubnetState(SubnetDefinition Definition, IReadOnlyList<IpPrefix> Prefixes, bool Deleting, SubnetUsage Usage,
    Guid DeletionSaga = default, SubnetDeletionAborted? LastAbort = null, long UsagePoolVersion = 0,
    SubnetChangeRequested? PendingChange = null, SubnetChangeAborted? LastChangeAbort = null)
{
    public string Name => Definition.Name;

    public string Vpc => Definition.Vpc;
}
