using Mesh.EventSourcing;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mesh.Foundation.Tests;

/// <summary>The log tailer: every committed event reaches the bus, in order per stream, once per idempotent consumer.</summary>
public sealed class PublisherTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestVirtualHost _vhost = null!;
    private static readonly EventMetadata Meta = new("tester", Guid.NewGuid());

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync("publisher");
        _vhost = await TestVirtualHost.CreateAsync("publisher");
        await SchemaMigrator.MigrateAsync(_db.DataSource, []);
        await _db.ScalarAsync<int>("CREATE TABLE observed (seq bigserial PRIMARY KEY, position bigint NOT NULL, stream text NOT NULL, version bigint NOT NULL); SELECT 1");
    }

    public async Task DisposeAsync()
    {
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }

    private Task<IHost> StartAsync(bool publisher, bool consumer) =>
        BusHost.StartAsync(_db, _vhost, "pub", publisher, consumer ? x => x.AddConsumer<ObservedEventConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 1) : null);

    private async Task<List<(long Position, string Stream, long Version)>> ObservedAsync(string order = "position")
    {
        await using var cmd = _db.DataSource.CreateCommand($"SELECT position, stream, version FROM observed ORDER BY {order}");
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<(long, string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }
        return rows;
    }

    [Fact]
    public async Task A_later_position_committing_first_is_still_published_and_nothing_twice()
    {
        using var consumer = await StartAsync(publisher: false, consumer: true);
        using var publisher = await StartAsync(publisher: true, consumer: false);
        var store = publisher.Services.GetRequiredService<EventStore>();

        await using var slow = await _db.DataSource.OpenConnectionAsync();
        await using var slowTx = await slow.BeginTransactionAsync();
        var early = await store.AppendAsync(slow, slowTx, [new StreamAppend("late-commit-a", 0, [new NewEvent(new CounterIncremented("a", 1), Meta)])]);
        var later = await store.AppendAsync("late-commit-b", 0, [new CounterIncremented("b", 1)], Meta);
        Assert.True(early.LastPosition < later.LastPosition);

        await Task.Delay(700);
        Assert.Empty(await ObservedAsync());
        await slowTx.CommitAsync();

        await Eventually.TrueAsync(async () => (await ObservedAsync()).Count == 2, "both events observed");
        var observed = await ObservedAsync();
        Assert.Equal([early.LastPosition, later.LastPosition], observed.Select(o => o.Position));
        await Task.Delay(300);
        Assert.Equal(2, (await ObservedAsync()).Count);
    }

    [Fact]
    public async Task The_tailer_killed_mid_stream_resumes_from_its_checkpoint_without_a_gap()
    {
        using var consumer = await StartAsync(publisher: false, consumer: true);
        var store = consumer.Services.GetRequiredService<EventStore>();
        const int streams = 20, perStream = 60;
        await Task.WhenAll(Enumerable.Range(0, streams).Select(async s =>
        {
            for (var v = 0; v < perStream; v += 3)
            {
                await store.AppendAsync($"resume-{s}", v, [new CounterIncremented("x", 1), new CounterIncremented("x", 2), new Noted("n")], Meta);
            }
        }));
        var total = streams * perStream;

        var first = await BusHost.StartAsync(_db, _vhost, "pub", false, mapper: s => s.AddLogPublisher<SlowMapper>());
        await Eventually.TrueAsync(async () => (await ObservedAsync()).Count > total / 10, "some events published");
        first.Dispose(); // stops mid-stream: some published events may not be checkpointed yet
        var checkpointAtCrash = await _db.ScalarAsync<long>($"SELECT coalesce(max(position), 0) FROM mesh_checkpoints WHERE name = '{LogPublisher.CheckpointName}'");
        Assert.True(checkpointAtCrash < total, "the first tailer must be stopped before the end for this test to mean anything");

        using var second = await StartAsync(publisher: true, consumer: false);
        await Eventually.TrueAsync(async () => (await ObservedAsync()).Count >= total, "every event observed", TimeSpan.FromSeconds(60));

        var observed = await ObservedAsync();
        Assert.Equal(total, observed.Count);
        Assert.Equal(observed.Select(o => o.Position).Distinct().Count(), observed.Count);
        foreach (var stream in observed.GroupBy(o => o.Stream))
        {
            Assert.Equal(Enumerable.Range(1, perStream).Select(v => (long)v), stream.Select(o => o.Version).Order());
        }
        var all = (await store.ReadAllAsync(0, 100_000)).Select(e => e.Position);
        Assert.Equal(all, observed.Select(o => o.Position));
    }

    [Fact]
    public async Task A_tailer_that_fails_mid_batch_republishes_from_its_checkpoint_and_the_consumer_processes_each_event_once()
    {
        using var consumer = await StartAsync(publisher: false, consumer: true);
        var store = consumer.Services.GetRequiredService<EventStore>();
        var appended = await store.AppendAsync("crash", 0, Enumerable.Range(0, 40).Select(i => (object)new CounterIncremented("c", i)).ToArray(), Meta);
        CrashOnceMapper.CrashAt = appended.Events[30].Position;
        using var publisher = await BusHost.StartAsync(_db, _vhost, "pub", false, mapper: s => s.AddLogPublisher<CrashOnceMapper>());

        await Eventually.TrueAsync(async () => (await ObservedAsync()).Count == 40, "all 40 observed after the crash");
        var log = consumer.Services.GetRequiredService<DeliveryLog>();
        Assert.Equal(appended.Events.Select(e => e.Position), (await ObservedAsync()).Select(o => o.Position));
        Assert.True(log.Deliveries.Count > 40, $"the events before the crash are published again ({log.Deliveries.Count} deliveries)");
        Assert.Equal(40, log.Processed.Count);
    }

    [Fact]
    public async Task Events_of_one_stream_are_delivered_in_version_order()
    {
        using var consumer = await StartAsync(publisher: false, consumer: true);
        using var publisher = await StartAsync(publisher: true, consumer: false);
        var store = publisher.Services.GetRequiredService<EventStore>();
        for (var v = 0; v < 50; v++)
        {
            await store.AppendAsync("ordered", v, [new CounterIncremented("o", v)], Meta);
        }
        var log = consumer.Services.GetRequiredService<DeliveryLog>();
        await Eventually.TrueAsync(async () => (await ObservedAsync()).Count(o => o.Stream == "ordered") == 50, "50 events observed");
        // Processing order (the consumer takes one message at a time), not storage order.
        var versions = (await ObservedAsync("seq")).Where(o => o.Stream == "ordered").Select(o => o.Version).ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(v => (long)v), versions);
        Assert.True(log.Deliveries.Count >= 50);
    }
}
