using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Mesh.Testing;

namespace Mesh.Foundation.Tests;

public sealed class KeyedWriterTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    private static readonly EventMetadata Meta = new("tester", Guid.NewGuid());

    private KeyedWriter<int, Increment, int> Writer(ISnapshotCodec<int>? snapshots = null) =>
        new(fx.NewStore(), new CounterBehavior(snapshots), new KeyedWriterOptions(), NullLogger.Instance);

    [Fact]
    public async Task Two_writer_instances_over_one_database_never_lose_an_update()
    {
        await using var replicaA = Writer();
        await using var replicaB = Writer();
        var key = Guid.NewGuid().ToString("N");
        const int each = 300;
        var submissions = Enumerable.Range(0, each)
            .SelectMany(_ => new[] { replicaA.SubmitAsync(key, new Increment(1), Meta), replicaB.SubmitAsync(key, new Increment(1), Meta) })
            .ToArray();
        var outcomes = await Task.WhenAll(submissions);

        Assert.All(outcomes, o => Assert.False(o.Decision.IsRejected));
        // Every increment saw a distinct count: none was decided on a state another had already moved on.
        Assert.Equal(Enumerable.Range(1, 2 * each), outcomes.Select(o => o.Result).Order());
        var (total, version) = await fx.Store.AggregateStreamAsync("counter-" + key, () => 0, (s, e) => s + ((CounterIncremented)e).By);
        Assert.Equal(2 * each, total);
        Assert.Equal(2 * each, version);
    }

    [Fact]
    public async Task Queued_commands_for_one_key_are_committed_together()
    {
        await using var writer = Writer();
        var key = Guid.NewGuid().ToString("N");
        await Task.WhenAll(Enumerable.Range(0, 400).Select(_ => writer.SubmitAsync(key, new Increment(1), Meta)));
        var transactions = await fx.Db.ScalarAsync<long>(
            $"SELECT count(DISTINCT tx_id::text) FROM mesh_events WHERE stream_id = 'counter-{key}'");
        Assert.Equal(400, await fx.Db.ScalarAsync<long>($"SELECT count(*) FROM mesh_events WHERE stream_id = 'counter-{key}'"));
        Assert.True(transactions < 400 / 4, $"expected group commits, got {transactions} transactions for 400 commands");
    }

    [Fact]
    public async Task A_refusal_appends_nothing_and_does_not_disturb_the_batch()
    {
        await using var writer = Writer();
        var key = Guid.NewGuid().ToString("N");
        var results = await Task.WhenAll(
            writer.SubmitAsync(key, new Increment(2), Meta),
            writer.SubmitAsync(key, new Increment(-1), Meta),
            writer.SubmitAsync(key, new Increment(3), Meta));
        Assert.Equal("InvalidIncrement", results[1].Decision.Error!.Code);
        Assert.Equal(5, await writer.QueryAsync(key, s => s));
        Assert.Equal(2, await fx.Store.StreamVersionAsync("counter-" + key));
    }

    [Fact]
    public async Task A_writer_restarted_from_its_snapshot_continues_where_it_left_off()
    {
        var key = Guid.NewGuid().ToString("N");
        await using (var first = Writer(new IntSnapshots()))
        {
            for (var i = 0; i < 25; i++)
            {
                await first.SubmitAsync(key, new Increment(1), Meta);
            }
        }
        var snapshotVersion = await fx.Db.ScalarAsync<long>($"SELECT version FROM mesh_snapshots WHERE stream_id = 'counter-{key}'");
        Assert.True(snapshotVersion >= 20, $"snapshot at {snapshotVersion}");
        await using var second = Writer(new IntSnapshots());
        var outcome = await second.SubmitAsync(key, new Increment(1), Meta);
        Assert.Equal(26, outcome.Result);
        Assert.Equal(26, outcome.Version);
    }

    [Fact]
    public async Task A_stale_replica_catches_up_before_answering()
    {
        await using var replicaA = Writer();
        await using var replicaB = Writer();
        var key = Guid.NewGuid().ToString("N");
        await replicaA.SubmitAsync(key, new Increment(1), Meta);
        Assert.Equal(1, await replicaA.QueryAsync(key, s => s));
        await replicaB.SubmitAsync(key, new Increment(10), Meta);
        Assert.Equal(11, await replicaA.QueryAsync(key, s => s));
    }

    [Fact]
    [Trait("issue", "23")]
    public async Task A_key_idle_past_the_idle_timeout_unloads_and_answers_its_next_command()
    {
        var time = new FakeTimeProvider();
        var idle = TimeSpan.FromMinutes(5);
        await using var writer = new KeyedWriter<int, Increment, int>(fx.NewStore(), new CounterBehavior(),
            new KeyedWriterOptions { IdleTimeout = idle }, NullLogger.Instance, time);
        var key = Guid.NewGuid().ToString("N");
        Assert.Equal(1, (await writer.SubmitAsync(key, new Increment(1), Meta)).Result);
        Assert.True(writer.IsLoaded(key));

        // The actor arms its idle timer when it starts waiting: move the clock until it has retired.
        await Eventually.TrueAsync(() =>
        {
            time.Advance(idle + TimeSpan.FromSeconds(1));
            return !writer.IsLoaded(key);
        }, "the idle actor to unload", TimeSpan.FromSeconds(10));

        var again = await writer.SubmitAsync(key, new Increment(2), Meta).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, again.Result);
        Assert.Equal(2, again.Version);
        Assert.Equal(3, await writer.QueryAsync(key, s => s).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    [Trait("issue", "23")]
    public async Task Work_queued_while_an_actor_goes_idle_is_answered()
    {
        var time = new FakeTimeProvider();
        await using var writer = new KeyedWriter<int, Increment, int>(fx.NewStore(), new CounterBehavior(),
            new KeyedWriterOptions { IdleTimeout = TimeSpan.FromMilliseconds(1) }, NullLogger.Instance, time);
        var key = Guid.NewGuid().ToString("N");
        // Every command races the idle timer, which fires on every advance: none is lost or left waiting.
        var submitted = new List<Task<WriteOutcome<int>>>();
        for (var i = 0; i < 200; i++)
        {
            submitted.Add(writer.SubmitAsync(key, new Increment(1), Meta));
            time.Advance(TimeSpan.FromMilliseconds(2));
            if (i % 10 == 0)
            {
                await Task.Yield();
            }
        }
        var outcomes = await Task.WhenAll(submitted).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Enumerable.Range(1, 200), outcomes.Select(o => o.Result).Order());
    }

    [Fact]
    [Trait("issue", "23")]
    public async Task A_writer_whose_loop_fails_is_replaced_its_queued_work_fails_as_retryable_and_the_next_command_is_answered()
    {
        var clock = new FailingOnceClock();
        var log = new RecordingLogger();
        using var faults = new CounterReading("mesh.writer.faults");
        await using var writer = new KeyedWriter<int, Increment, int>(fx.NewStore(), new CounterBehavior(), new KeyedWriterOptions(), log, clock);
        var key = Guid.NewGuid().ToString("N");

        // The loop fails arming its idle timer, before it decides anything.
        var failed = await Assert.ThrowsAsync<WriterUnavailableException>(() => writer.SubmitAsync(key, new Increment(5), Meta).WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(key, failed.Key);
        Assert.Equal("injected clock fault", failed.InnerException!.Message);
        Assert.False(writer.IsLoaded(key));
        Assert.Equal(1, faults.Total);
        Assert.Contains(log.Errors, e => e.Contains(key, StringComparison.Ordinal) && e.Contains("counter-" + key, StringComparison.Ordinal));

        var next = await writer.SubmitAsync(key, new Increment(1), Meta).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, next.Result);
        Assert.Equal(1, next.Version);
        Assert.Equal(1, await fx.Store.StreamVersionAsync("counter-" + key));
    }

    private sealed class FailingOnceClock : TimeProvider
    {
        private int _armed = 1;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            Interlocked.Exchange(ref _armed, 0) == 1
                ? throw new InvalidOperationException("injected clock fault")
                : base.CreateTimer(callback, state, dueTime, period);
    }
}
