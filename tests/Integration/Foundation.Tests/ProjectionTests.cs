using Mesh.EventSourcing;
using Mesh.Testing;

namespace Mesh.Foundation.Tests;

public sealed class ProjectionTests(StoreFixture fx) : IClassFixture<StoreFixture>
{
    private static readonly EventMetadata Meta = new("tester", Guid.NewGuid());

    private async Task<Dictionary<string, (long Total, int Events, long Last)>> ReadAsync(string table)
    {
        await using var cmd = fx.Db.DataSource.CreateCommand($"SELECT stream, total, events, last_position FROM {table}");
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new Dictionary<string, (long, int, long)>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt32(2), reader.GetInt64(3));
        }
        return rows;
    }

    private async Task<EventStore> SeedAsync(InlineCounterTotals inline)
    {
        foreach (var table in new[] { "counter_totals_inline", "counter_totals_async" })
        {
            await fx.Db.ScalarAsync<int>($"{CounterTotals.Schema(table)}; SELECT 1");
        }
        var store = fx.NewStore(inline);
        var streams = Enumerable.Range(0, 12).Select(i => $"proj-{Guid.NewGuid():N}"[..16]).ToArray();
        await Task.WhenAll(streams.Select(async (s, i) =>
        {
            for (var v = 0; v < 15; v++)
            {
                await store.AppendAsync(s, 2 * v, [new CounterIncremented(s, i + v), new Noted("n")], Meta);
            }
        }));
        return store;
    }

    [Fact]
    public async Task A_rebuilt_inline_projection_equals_the_one_kept_in_the_append_transaction()
    {
        var inline = new InlineCounterTotals();
        await SeedAsync(inline);
        var live = await ReadAsync(inline.Table);
        Assert.NotEmpty(live);

        // Damage the read model, then rebuild it from the log alone.
        await fx.Db.ScalarAsync<int>($"UPDATE {inline.Table} SET total = -1; DELETE FROM {inline.Table} WHERE events > 10 AND random() < 0.5; SELECT 1");
        var rebuilder = new ProjectionRebuilder(fx.Db.DataSource, fx.Types, new ProjectionRunner(fx.Db.DataSource, fx.Types, new EventStoreOptions()), new EventStoreOptions());
        var progress = new List<(long, long)>();
        var applied = await rebuilder.RebuildAsync(inline, new Progress<(long, long)>(progress.Add));

        Assert.Equal(live, await ReadAsync(inline.Table));
        Assert.Equal(await fx.Db.ScalarAsync<long>("SELECT count(*) FROM mesh_events"), applied);
    }

    [Fact]
    public async Task An_async_projection_catches_up_from_its_checkpoint_and_rebuilds_to_the_same_state()
    {
        var inline = new InlineCounterTotals();
        await SeedAsync(inline);
        var projection = new AsyncCounterTotals();
        var runner = new ProjectionRunner(fx.Db.DataSource, fx.Types, new EventStoreOptions { BatchSize = 37 });
        var head = await fx.Db.ScalarAsync<long>("SELECT max(position) FROM mesh_events");
        // Another test's open transaction may hold the committed-only read back for a moment.
        await Eventually.TrueAsync(async () =>
        {
            while (await runner.StepAsync(projection, default) > 0)
            {
            }
            return await runner.CheckpointAsync(projection, default) >= head;
        }, "the async projection caught up");
        var caughtUp = await ReadAsync(projection.Table);
        Assert.Equal(await ReadAsync(inline.Table), caughtUp);
        var checkpoint = await fx.Db.ScalarAsync<long>($"SELECT position FROM mesh_checkpoints WHERE name = '{projection.Name}'");
        Assert.Equal(await fx.Db.ScalarAsync<long>("SELECT max(position) FROM mesh_events"), checkpoint);

        // Running again applies nothing twice.
        Assert.Equal(0, await runner.StepAsync(projection, default));
        Assert.Equal(caughtUp, await ReadAsync(projection.Table));

        var rebuilder = new ProjectionRebuilder(fx.Db.DataSource, fx.Types, runner, new EventStoreOptions());
        await rebuilder.RebuildAsync(projection);
        Assert.Equal(caughtUp, await ReadAsync(projection.Table));
    }
}
