using Mesh.Contracts;
using Mesh.Fip.Domain.Commands;
using Mesh.Fip.Domain.Events;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Domain.State;

namespace Mesh.Fip.Service.Writing;

// What a caller gets back from its command, copied out of the actor's state inside its turn.
public sealed record PoolOutcome(PoolSpec? Pool, FloatingIp? Fip, NatRule? Rule, IReadOnlyList<string> RemovedRules, bool Released)
{
    public static PoolOutcome From(FipPoolState state, object command, Decision decision)
    {
        var removed = decision.Events.OfType<FipDisassociated>().Select(e => e.RuleId).ToList();
        var released = decision.Events.OfType<FipReleased>().Any();
        return command switch
        {
            AllocateFip c => new(state.Pool, state.Fip(c.Name), null, removed, released),
            AssociateEip c => new(state.Pool, state.Fip(c.Fip), state.Rule(c.RuleId), removed, released),
            AssociateSnat c => new(state.Pool, state.Fip(c.Fip), state.Rule(c.RuleId), removed, released),
            AssociateDnat c => new(state.Pool, state.Fip(c.Fip), state.Rule(c.RuleId), removed, released),
            _ => new(state.Pool, null, null, removed, released),
        };
    }
}
