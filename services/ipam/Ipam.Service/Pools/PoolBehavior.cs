using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Domain.Commands;
using Mesh.Ipam.Domain.Pools;

namespace Mesh.Ipam.Service.Pools;

/// <summary>The subnet pool stream (subnet-pool-&lt;subnet&gt;) for the single writer: the pure decider, snapshots.</summary>
public sealed class PoolBehavior(PoolSnapshotCodec snapshots) : IStreamBehavior<SubnetPool, IpamCommand, PoolOutcome>
{
    public string StreamId(string key) => IpamEventTypes.StreamId(key);

    public SubnetPool Initial(string key) => new(key);

    public SubnetPool Apply(SubnetPool state, object @event)
    {
        state.Apply(@event);
        return state;
    }

    public Decision Decide(SubnetPool state, IpamCommand command) => IpamDecider.Decide(state, command);

    public PoolOutcome Result(SubnetPool state, IpamCommand command, Decision decision) => PoolOutcome.Of(state, command, decision);

    public ISnapshotCodec<SubnetPool>? Snapshots => snapshots;
}
