using System.Threading.Channels;
using Mesh.Contracts;
using Microsoft.Extensions.Logging;

namespace Mesh.EventSourcing.Actors;

public sealed partial class KeyedWriter<TState, TCommand, TResult>
{
    private sealed class Actor(KeyedWriter<TState, TCommand, TResult> owner, string key)
    {
        private readonly Channel<Work> _mailbox = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
        private readonly string _stream = owner._behavior.StreamId(key);
        private readonly List<Work> _batch = [];
        private TState _state = default!;
        private long _version;
        private long _snapshotVersion;
        private bool _loaded;

        public string Key => key;
        public Task Running { get; private set; } = Task.CompletedTask;
        // A single-reader channel cannot count (Count throws NotSupportedException) but can peek.
        public bool HasQueuedWork => _mailbox.Reader.TryPeek(out _);

        public bool TryPost(Work work) => _mailbox.Writer.TryWrite(work);
        public void Close() => _mailbox.Writer.TryComplete();
        public void Start() => Running = Task.Run(SuperviseAsync);

        /// <summary>Fails the batch in hand and everything still queued (the actor is already unregistered and closed).</summary>
        public void FailAll(Exception error)
        {
            foreach (var work in _batch)
            {
                work.Fail(error);
            }
            while (_mailbox.Reader.TryRead(out var work))
            {
                work.Fail(error);
            }
        }

        // A loop that fails for any reason must not leave the key registered to a dead mailbox.
        private async Task SuperviseAsync()
        {
            try
            {
                await RunAsync();
            }
            catch (Exception ex)
            {
                owner.OnFaulted(this, ex);
            }
        }

        private async Task RunAsync()
        {
            var batch = _batch;
            var reader = _mailbox.Reader;
            while (true)
            {
                bool more;
                using (var idle = new CancellationTokenSource(owner._options.IdleTimeout, owner._time))
                using (var wake = CancellationTokenSource.CreateLinkedTokenSource(idle.Token, owner._shutdown.Token))
                {
                    try
                    {
                        more = await reader.WaitToReadAsync(wake.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        if (owner.TryRetire(this))
                        {
                            DrainClosed(reader);
                            return;
                        }
                        continue;
                    }
                }
                if (!more)
                {
                    return;
                }
                batch.Clear();
                while (batch.Count < owner._options.MaxBatch && reader.TryRead(out var work))
                {
                    batch.Add(work);
                }
                await ProcessAsync(batch);
                batch.Clear();
            }
        }

        private static void DrainClosed(ChannelReader<Work> reader)
        {
            while (reader.TryRead(out var work))
            {
                work.Fail(new InvalidOperationException("the writer was retired; retry"));
            }
        }

        private async Task ProcessAsync(List<Work> batch)
        {
            Exception? last = null;
            for (var attempt = 1; attempt <= owner._options.MaxAttempts; attempt++)
            {
                try
                {
                    await DecideAndCommitAsync(batch);
                    return;
                }
                catch (ConcurrencyException ex)
                {
                    // Another replica appended first: reload and decide the whole batch again.
                    _loaded = false;
                    last = ex;
                    if (attempt > 2)
                    {
                        await Task.Delay(Random.Shared.Next(1, 5 * attempt));
                    }
                }
                catch (Exception ex)
                {
                    _loaded = false;
                    last = ex;
                    break;
                }
            }
            owner._logger.LogWarning(last, "writer for {Stream} gave up on a batch of {Count}", _stream, batch.Count);
            foreach (var work in batch)
            {
                work.Fail(last!);
            }
        }

        private async Task DecideAndCommitAsync(List<Work> batch)
        {
            await EnsureCurrentAsync();
            var behavior = owner._behavior;
            var events = new List<NewEvent>();
            var completions = new List<Action>(batch.Count);
            var outcomes = new List<(CommandWork Work, Decision Decision, TResult Result)>();
            foreach (var work in batch)
            {
                if (work is QueryWork query)
                {
                    completions.Add(query.Run(_state));
                    continue;
                }
                var command = (CommandWork)work;
                var decision = behavior.Decide(_state, command.Command);
                if (!decision.IsRejected)
                {
                    foreach (var e in decision.Events)
                    {
                        _state = behavior.Apply(_state, e);
                        events.Add(new NewEvent(e, command.Metadata));
                    }
                }
                outcomes.Add((command, decision, behavior.Result(_state, command.Command, decision)));
            }
            if (events.Count > 0)
            {
                var result = await owner._store.AppendAsync([new StreamAppend(_stream, _version, events)]);
                _version = result.VersionOf(_stream) ?? _version;
            }
            foreach (var (work, decision, result) in outcomes)
            {
                work.Completion.TrySetResult(new WriteOutcome<TResult>(decision, result, _version));
            }
            foreach (var complete in completions)
            {
                complete();
            }
            await MaybeSnapshotAsync();
        }

        private async Task EnsureCurrentAsync()
        {
            var behavior = owner._behavior;
            if (!_loaded)
            {
                (_state, _version) = await owner._store.AggregateStreamAsync(
                    _stream, () => behavior.Initial(key), behavior.Apply, behavior.Snapshots);
                _snapshotVersion = _version;
                _loaded = true;
                return;
            }
            if (owner._options.CatchUpBeforeEachBatch)
            {
                foreach (var e in await owner._store.FetchStreamAsync(_stream, _version))
                {
                    if (e.Data is { } data)
                    {
                        _state = behavior.Apply(_state, data);
                    }
                    _version = e.Version;
                }
            }
        }

        private async Task MaybeSnapshotAsync()
        {
            if (owner._behavior.Snapshots is not { } codec || _version - _snapshotVersion < codec.Every)
            {
                return;
            }
            try
            {
                await owner._store.SaveSnapshotAsync(_stream, _version, codec.Type, codec.Serialize(_state));
                _snapshotVersion = _version;
            }
            catch (Exception ex)
            {
                owner._logger.LogWarning(ex, "snapshot of {Stream} at {Version} failed; will retry later", _stream, _version);
            }
        }
    }
}
