using Mesh.EventSourcing;
using Mesh.Testing;
using Npgsql;

namespace Mesh.Foundation.Tests;

public sealed class EventStoreTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    private static EventMetadata Meta(string reason = "test") =>
        new("alice", Guid.NewGuid(), Guid.NewGuid(), "Increment", reason, "p1");

    private static string NewStream() => "counter-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Two_concurrent_appends_at_the_same_expected_version_exactly_one_wins()
    {
        var stream = NewStream();
        await fx.Store.StartStreamAsync(stream, [new CounterIncremented(stream, 1)], Meta());
        var replicaA = fx.NewStore();
        var replicaB = fx.NewStore();
        for (var round = 0; round < 20; round++)
        {
            var version = await fx.Store.StreamVersionAsync(stream);
            var results = await Task.WhenAll(
                Try(() => replicaA.AppendAsync(stream, version, [new CounterIncremented(stream, 1)], Meta())),
                Try(() => replicaB.AppendAsync(stream, version, [new CounterIncremented(stream, 1)], Meta())));
            Assert.Equal(1, results.Count(r => r is null));
            var loser = Assert.IsType<ConcurrencyException>(Assert.Single(results, r => r is not null));
            Assert.Equal(stream, loser.StreamId);
            Assert.Equal(version, loser.ExpectedVersion);
            Assert.Equal(version + 1, loser.ActualVersion);
        }
        Assert.Equal(21, await fx.Store.StreamVersionAsync(stream));
    }

    private static async Task<Exception?> Try(Func<Task> append)
    {
        try
        {
            await append();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    [Fact]
    public async Task Starting_an_existing_stream_or_appending_ahead_of_it_is_a_concurrency_error_and_writes_nothing()
    {
        var stream = NewStream();
        await fx.Store.StartStreamAsync(stream, [new CounterIncremented(stream, 1)], Meta());
        await Assert.ThrowsAsync<ConcurrencyException>(() => fx.Store.StartStreamAsync(stream, [new CounterIncremented(stream, 5)], Meta()));
        await Assert.ThrowsAsync<ConcurrencyException>(() => fx.Store.AppendAsync(stream, 7, [new CounterIncremented(stream, 5)], Meta()));
        var events = await fx.Store.FetchStreamAsync(stream);
        Assert.Single(events);
    }

    [Fact]
    public async Task A_multi_stream_append_is_all_or_nothing()
    {
        string a = NewStream(), b = NewStream();
        await fx.Store.StartStreamAsync(b, [new CounterIncremented(b, 1)], Meta());
        await Assert.ThrowsAsync<ConcurrencyException>(() => fx.Store.AppendAsync(
        [
            new StreamAppend(a, ExpectedVersion.NoStream, [new NewEvent(new CounterIncremented(a, 1), Meta())]),
            new StreamAppend(b, ExpectedVersion.NoStream, [new NewEvent(new CounterIncremented(b, 1), Meta())]),
        ]));
        Assert.Empty(await fx.Store.FetchStreamAsync(a));
        Assert.Equal(0, await fx.Store.StreamVersionAsync(a));
    }

    [Fact]
    public async Task Events_come_back_in_order_with_their_metadata_and_global_positions()
    {
        var stream = NewStream();
        var meta = Meta("why-not");
        await fx.Store.StartStreamAsync(stream, [new CounterIncremented(stream, 1), new Noted("hello")], meta);
        await fx.Store.AppendAsync(stream, 2, [new CounterIncremented(stream, 3)], meta with { Reason = "later" });
        var events = await fx.Store.FetchStreamAsync(stream);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.Version));
        Assert.True(events[0].Position < events[1].Position && events[1].Position < events[2].Position);
        Assert.Equal(new Noted("hello"), events[1].Data);
        Assert.Equal("test.noted.v1", events[1].Type);
        Assert.Equal(meta, events[0].Metadata);
        Assert.Equal("later", events[2].Metadata.Reason);
        Assert.True(events[2].Timestamp > DateTimeOffset.UtcNow.AddMinutes(-1));
        var all = await fx.Store.ReadAllAsync(events[0].Position - 1, 3);
        Assert.Equal(events.Select(e => e.EventId), all.Select(e => e.EventId));
    }

    [Fact]
    public async Task A_stream_can_be_read_as_of_a_past_time()
    {
        var stream = NewStream();
        await fx.Store.StartStreamAsync(stream, [new CounterIncremented(stream, 1)], Meta());
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await fx.Store.AppendAsync(stream, 1, [new CounterIncremented(stream, 10)], Meta());
        var (then, _) = await fx.Store.AggregateStreamAsync(stream, () => 0, (s, e) => s + ((CounterIncremented)e).By, asOf: between);
        var (now, version) = await fx.Store.AggregateStreamAsync(stream, () => 0, (s, e) => s + ((CounterIncremented)e).By);
        Assert.Equal(1, then);
        Assert.Equal(11, now);
        Assert.Equal(2, version);
    }

    [Fact]
    public async Task A_snapshot_and_the_tail_fold_to_the_same_state_as_the_whole_stream()
    {
        var stream = NewStream();
        for (var i = 1; i <= 30; i++)
        {
            await fx.Store.AppendAsync(stream, i - 1, [new CounterIncremented(stream, i)], Meta());
        }
        var codec = new IntSnapshot();
        await fx.Store.SaveSnapshotAsync(stream, 20, codec.Type, "210");
        var (fromSnapshot, v1) = await fx.Store.AggregateStreamAsync(stream, () => 0, (s, e) => s + ((CounterIncremented)e).By, codec);
        var (fromScratch, v2) = await fx.Store.AggregateStreamAsync(stream, () => 0, (s, e) => s + ((CounterIncremented)e).By);
        Assert.Equal(fromScratch, fromSnapshot);
        Assert.Equal(465, fromSnapshot);
        Assert.Equal(v2, v1);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        var before = await fx.Db.ScalarAsync<long>("SELECT count(*) FROM mesh_migrations");
        await SchemaMigrator.MigrateAsync(fx.Db.DataSource, []);
        Assert.Equal(before, await fx.Db.ScalarAsync<long>("SELECT count(*) FROM mesh_migrations"));
    }

    [Fact]
    public async Task A_later_position_committed_before_an_earlier_one_is_held_back_until_the_earlier_commits()
    {
        var early = NewStream();
        var late = NewStream();
        var tip = await fx.Db.ScalarAsync<long>("SELECT coalesce(max(position), 0) FROM mesh_events");
        await using var slow = await fx.Db.DataSource.OpenConnectionAsync();
        await using var slowTx = await slow.BeginTransactionAsync();
        var pending = await fx.Store.AppendAsync(slow, slowTx, [new StreamAppend(early, 0, [new NewEvent(new Noted("slow"), Meta())])]);
        var committed = await fx.Store.AppendAsync(late, 0, [new Noted("fast")], Meta());
        Assert.True(pending.LastPosition < committed.LastPosition);

        // A naive reader already sees the later position: checkpointing it would skip the earlier one.
        var naive = await fx.Store.ReadAllAsync(tip, 1000);
        Assert.Contains(naive, e => e.Position == committed.LastPosition);
        await using var reader = await fx.Db.DataSource.OpenConnectionAsync();
        var held = await EventReader.ReadCommittedAsync(reader, null, fx.Types, tip, 1000);
        Assert.DoesNotContain(held, e => e.Position >= pending.LastPosition);

        await slowTx.CommitAsync();
        // Released once no older transaction runs anywhere on the server (the horizon is the cluster's, and other
        // test classes write to other databases meanwhile): lag, never a gap.
        var positions = new List<long>();
        await Eventually.TrueAsync(async () =>
        {
            positions = [.. (await EventReader.ReadCommittedAsync(reader, null, fx.Types, tip, 1000)).Select(e => e.Position)];
            return positions.Contains(pending.LastPosition);
        }, "the earlier position to be released after its commit", TimeSpan.FromSeconds(20));
        Assert.Contains(pending.LastPosition, positions);
        Assert.Contains(committed.LastPosition, positions);
        Assert.True(positions.IndexOf(pending.LastPosition) < positions.IndexOf(committed.LastPosition));
    }

    [Fact]
    public async Task Leadership_passes_to_another_replica_when_the_leader_steps_down_on_a_pooled_connection()
    {
        await using var replicaA = EventStoreServiceCollectionExtensions.CreateDataSource(fx.Db.ConnectionString);
        await using var replicaB = EventStoreServiceCollectionExtensions.CreateDataSource(fx.Db.ConnectionString);
        var name = "leader-" + Guid.NewGuid().ToString("N");
        await using (var leader = await LeaderLock.TryAcquireAsync(replicaA, name, default))
        {
            Assert.NotNull(leader);
            Assert.Null(await LeaderLock.TryAcquireAsync(replicaB, name, default));
        }
        // replicaA's connection went back to its pool without a reset: the lock must not have gone with it.
        await using var next = await LeaderLock.TryAcquireAsync(replicaB, name, default);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task A_service_session_commits_synchronously_when_the_server_default_is_asynchronous()
    {
        await using var db = await Mesh.Testing.TestDatabase.CreateAsync("synccommit");
        await using (var alter = db.DataSource.CreateCommand($"ALTER DATABASE \"{db.Name}\" SET synchronous_commit = off"))
        {
            await alter.ExecuteNonQueryAsync();
        }
        await using (var plain = NpgsqlDataSource.Create(db.ConnectionString))
        {
            Assert.Equal("off", await ShowAsync(plain, "synchronous_commit"));
        }
        await using var service = EventStoreServiceCollectionExtensions.CreateDataSource(db.ConnectionString);
        Assert.Equal("on", await ShowAsync(service, "synchronous_commit"));

        // An operator's own choice (synchronous standbys) stands, and so do the other options.
        var own = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Options = "-c synchronous_commit=remote_apply -c application_name=ops" };
        await using var kept = EventStoreServiceCollectionExtensions.CreateDataSource(own.ConnectionString);
        Assert.Equal("remote_apply", await ShowAsync(kept, "synchronous_commit"));
        Assert.Equal("ops", await ShowAsync(kept, "application_name"));
    }

    private static async Task<string> ShowAsync(NpgsqlDataSource dataSource, string setting)
    {
        await using var cmd = dataSource.CreateCommand($"SHOW {setting}");
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private sealed class IntSnapshot : ISnapshotCodec<int>
    {
        public string Type => "test.int.v1";
        public int Every => 10;
        public string Serialize(int state) => state.ToString();
        public int Deserialize(string json) => int.Parse(json);
    }
}
