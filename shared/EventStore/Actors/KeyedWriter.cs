using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Mesh.EventSourcing.Actors;

/// <summary>
/// The single writer per key (ARCHITECTURE.md): one in-memory actor per key holds the loaded state and
/// decides that key's commands one at a time, draining whatever is queued into a single append
/// (group commit). Across replicas, the stream version decides: a batch that lost the race is
/// reloaded and decided again, so nothing is ever given twice.
/// </summary>
public sealed partial class KeyedWriter<TState, TCommand, TResult> : IAsyncDisposable
{
    private readonly EventStore _store;
    private readonly IStreamBehavior<TState, TCommand, TResult> _behavior;
    private readonly KeyedWriterOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private static readonly Meter Meter = new("Mesh.EventStore");
    private static readonly Counter<long> Faults = Meter.CreateCounter<long>("mesh.writer.faults", "faults",
        "keyed writers whose loop failed and were replaced (their queued commands failed as retryable)");

    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>Creates a writer over <paramref name="store"/> for one kind of stream.</summary>
    /// <param name="store">The service's event store.</param>
    /// <param name="behavior">How the key's stream is folded and decided.</param>
    /// <param name="options">Batching, retries and the idle timeout after which a key's actor unloads.</param>
    /// <param name="logger">Where failures are logged, with the key's stream.</param>
    /// <param name="time">The clock of the idle timeout (<see cref="TimeProvider.System"/> when null).</param>
    public KeyedWriter(EventStore store, IStreamBehavior<TState, TCommand, TResult> behavior, KeyedWriterOptions options, ILogger logger,
        TimeProvider? time = null)
    {
        _store = store;
        _behavior = behavior;
        _options = options;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Decides <paramref name="command"/> against the key's current state and commits its events.</summary>
    public Task<WriteOutcome<TResult>> SubmitAsync(string key, TCommand command, EventMetadata metadata, CancellationToken ct = default)
    {
        var work = new CommandWork(command, metadata);
        Enqueue(key, work);
        return work.Completion.Task.WaitAsync(ct);
    }

    /// <summary>Reads the key's committed state through its actor (after everything queued before it).</summary>
    public Task<T> QueryAsync<T>(string key, Func<TState, T> query, CancellationToken ct = default)
    {
        var work = new QueryWork<T>(query);
        Enqueue(key, work);
        return work.Completion.Task.WaitAsync(ct);
    }

    /// <summary>
    /// The key's state as it was at <paramref name="at"/> (SRE-2): its stream folded up to then with the same
    /// evolve function, outside the actor and without snapshots; version 0 when the stream had no events by then.
    /// </summary>
    public Task<(TState State, long Version)> AsOfAsync(string key, DateTimeOffset at, CancellationToken ct = default) =>
        _store.AggregateStreamAsync(_behavior.StreamId(key), () => _behavior.Initial(key), _behavior.Apply, asOf: at, ct: ct);

    /// <summary>How many keys are loaded in memory.</summary>
    public int LoadedKeys
    {
        get
        {
            lock (_sync)
            {
                return _actors.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="key"/> has an actor in memory (it unloads after the idle timeout).</summary>
    public bool IsLoaded(string key)
    {
        lock (_sync)
        {
            return _actors.ContainsKey(key);
        }
    }

    private void Enqueue(string key, Work work)
    {
        ObjectDisposedException.ThrowIf(_shutdown.IsCancellationRequested, this);
        lock (_sync)
        {
            if (!_actors.TryGetValue(key, out var actor) || !actor.TryPost(work))
            {
                actor = new Actor(this, key);
                _actors[key] = actor;
                actor.TryPost(work);
                actor.Start();
            }
        }
    }

    private bool TryRetire(Actor actor)
    {
        lock (_sync)
        {
            if (actor.HasQueuedWork)
            {
                return false;
            }
            if (_actors.TryGetValue(actor.Key, out var current) && current == actor)
            {
                _actors.Remove(actor.Key);
            }
            actor.Close();
            return true;
        }
    }

    private void OnFaulted(Actor actor, Exception error)
    {
        lock (_sync)
        {
            if (_actors.TryGetValue(actor.Key, out var current) && current == actor)
            {
                _actors.Remove(actor.Key);
            }
            actor.Close();
        }
        var stream = _behavior.StreamId(actor.Key);
        Faults.Add(1, new KeyValuePair<string, object?>("writer", typeof(TState).Name));
        try
        {
            _logger.LogError(error, "writer for key {Key} (stream {Stream}) failed; its queued commands fail as retryable and the key's next command starts a new writer",
                actor.Key, stream);
        }
        catch
        {
            // The logger itself may be what failed; the key must recover all the same.
        }
        actor.FailAll(new WriterUnavailableException(actor.Key, error));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Actor[] actors;
        lock (_sync)
        {
            actors = [.. _actors.Values];
            _actors.Clear();
            foreach (var actor in actors)
            {
                actor.Close();
            }
        }
        await Task.WhenAll(actors.Select(a => a.Running));
        _shutdown.Cancel();
        _shutdown.Dispose();
    }

    private abstract class Work
    {
        public abstract void Fail(Exception error);
    }

    private sealed class CommandWork(TCommand command, EventMetadata metadata) : Work
    {
        public TCommand Command { get; } = command;
        public EventMetadata Metadata { get; } = metadata;
        public TaskCompletionSource<WriteOutcome<TResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override void Fail(Exception error) => Completion.TrySetException(error);
    }

    private abstract class QueryWork : Work
    {
        public abstract Action Run(TState state);
    }

    private sealed class QueryWork<T>(Func<TState, T> query) : QueryWork
    {
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override void Fail(Exception error) => Completion.TrySetException(error);

        public override Action Run(TState state)
        {
            var value = query(state);
            return () => Completion.TrySetResult(value);
        }
    }
}
