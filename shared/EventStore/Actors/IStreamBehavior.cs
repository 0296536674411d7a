using Mesh.Contracts;

namespace Mesh.EventSourcing.Actors;

/// <summary>
/// How one kind of stream is folded and decided: the pure domain's decider and evolve function,
/// adapted for a <see cref="KeyedWriter{TState, TCommand, TResult}"/>.
/// </summary>
public interface IStreamBehavior<TState, in TCommand, out TResult>
{
    /// <summary>The stream that holds the key's events, e.g. <c>subnet-pool-net192</c>.</summary>
    string StreamId(string key);

    /// <summary>The state of a stream with no events.</summary>
    TState Initial(string key);

    /// <summary>Evolves the state by one event (may mutate and return the same instance).</summary>
    TState Apply(TState state, object @event);

    /// <summary>The pure decision: events to append or a refusal. Must not mutate the state.</summary>
    Decision Decide(TState state, TCommand command);

    /// <summary>What the caller gets back, read from the state after the decision's events are applied.</summary>
    TResult Result(TState state, TCommand command, Decision decision);

    /// <summary>Snapshot settings, or null for none.</summary>
    ISnapshotCodec<TState>? Snapshots => null;
}
