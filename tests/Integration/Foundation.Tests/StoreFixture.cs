using Mesh.EventSourcing;
using Mesh.Testing;

namespace Mesh.Foundation.Tests;

/// <summary>A migrated database of its own and an event store over it, per test class.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public EventTypeRegistry Types { get; } = new();
    public EventStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        TestTypes.Register(Types);
        Db = await TestDatabase.CreateAsync("store");
        await SchemaMigrator.MigrateAsync(Db.DataSource, []);
        Store = NewStore();
    }

    /// <summary>Another store over the same database, as a second replica would have.</summary>
    public EventStore NewStore(params IInlineProjection[] inline) =>
        new(Npgsql.NpgsqlDataSource.Create(Db.ConnectionString), Types, inline, TimeProvider.System);

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
