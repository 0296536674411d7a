using Mesh.Contracts;
using Mesh.EventSourcing.Actors;
using Mesh.Fip.Domain.Deciders;
using Mesh.Fip.Domain.Events;
using Mesh.Fip.Domain.State;

namespace Mesh.Fip.Service.Writing;

// One stream per external network (fip-pool-<ext>); the key is the external network id.
public sealed class FipPoolBehavior(FipOptions options) : IStreamBehavior<FipPoolState, object, PoolOutcome>
{
    public string StreamId(string key) => FipEventTypes.StreamId(key);

    public FipPoolState Initial(string key) => new();

    public FipPoolState Apply(FipPoolState state, object @event)
    {
        state.Apply(@event);
        return state;
    }

    public Decision Decide(FipPoolState state, object command) => FipDecider.Decide(state, command, options.ToSettings());

    public PoolOutcome Result(FipPoolState state, object command, Decision decision) => PoolOutcome.From(state, command, decision);
}
