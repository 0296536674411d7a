using Mesh.Contracts;
using Mesh.Fip.Domain.Commands;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Domain.State;

namespace Mesh.Fip.Domain.Deciders;

// One entry point for the handler of a `fip-pool-<externalNetwork>` stream.
public static class FipDecider
{
    public static Decision Decide(FipPoolState state, object command, FipSettings settings) => command switch
    {
        DefinePool c => PoolDecider.Decide(state, c),
        AllocateFip c => AllocationDecider.Decide(state, c, settings),
        ReleaseFip c => AllocationDecider.Decide(state, c),
        AssociateEip c => AssociationDecider.Decide(state, c),
        AssociateSnat c => AssociationDecider.Decide(state, c),
        AssociateDnat c => AssociationDecider.Decide(state, c),
        Disassociate c => ReclaimDecider.Decide(state, c),
        ReleaseTarget c => ReclaimDecider.Decide(state, c),
        _ => throw new ArgumentException($"not a FIP command: {command.GetType().Name}", nameof(command)),
    };
}
