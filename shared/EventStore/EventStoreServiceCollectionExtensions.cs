using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mesh.EventSourcing;

/// <summary>Registers the event store of one service database.</summary>
public static class EventStoreServiceCollectionExtensions
{
    /// <summary>
    /// The event store over <paramref name="connectionString"/>: schema migrated on start, LISTEN/NOTIFY
    /// wake-ups, the async projection daemon, rebuilds. Register event types through <paramref name="types"/>.
    /// </summary>
    public static IServiceCollection AddMeshEventStore(this IServiceCollection services, string connectionString,
        Action<EventTypeRegistry> types, EventStoreOptions? options = null)
    {
        var registry = new EventTypeRegistry();
        types(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(registry);
        services.AddSingleton(options ?? new EventStoreOptions());
        services.AddSingleton(_ => CreateDataSource(connectionString));
        services.AddSingleton<EventStore>();
        services.AddSingleton<ProjectionRunner>();
        services.AddSingleton<ProjectionRebuilder>();
        services.AddSingleton<ProjectionVerifier>();
        services.AddHostedService<SchemaMigrationService>();
        services.AddSingleton<EventNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<EventNotifications>());
        services.AddHostedService<ProjectionDaemon>();
        return services;
    }

    /// <summary>
    /// The data source every service uses. DISCARD ALL on every return to the pool would drop
    /// PL/pgSQL's cached plans and make each append re-plan <c>mesh_append</c> (about 3x slower), so
    /// pooled connections are not reset: session state is cleaned up by its owner instead
    /// (<see cref="LeaderLock"/> unlocks, <see cref="EventNotifications"/> unlistens).
    /// Every session commits synchronously whatever the server's default: an append is answered only
    /// once it is durable, and with <c>synchronous_commit=off</c> a server crash loses commits that were
    /// already answered (an address released, then held again after recovery). A connection string
    /// whose <c>Options</c> name a <c>synchronous_commit</c> of their own (<c>remote_apply</c> for
    /// synchronous standbys, say) keeps it.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.ConnectionStringBuilder.NoResetOnClose = true;
        builder.ConnectionStringBuilder.Options = WithSynchronousCommit(builder.ConnectionStringBuilder.Options);
        return builder.Build();
    }

    /// <summary>The connection's <c>Options</c> with <c>-c synchronous_commit=on</c> unless they set it.</summary>
    public static string WithSynchronousCommit(string? options) =>
        options is not null && options.Contains("synchronous_commit", StringComparison.OrdinalIgnoreCase)
            ? options
            : string.IsNullOrWhiteSpace(options) ? "-c synchronous_commit=on" : $"{options} -c synchronous_commit=on";

    /// <summary>A read model updated in the append's transaction.</summary>
    public static IServiceCollection AddInlineProjection<T>(this IServiceCollection services) where T : class, IInlineProjection
    {
        services.AddSingleton<T>();
        services.AddSingleton<IInlineProjection>(sp => sp.GetRequiredService<T>());
        services.AddSingleton<IProjection>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>A read model updated from the log with a checkpoint.</summary>
    public static IServiceCollection AddAsyncProjection<T>(this IServiceCollection services) where T : class, IAsyncProjection
    {
        services.AddSingleton<T>();
        services.AddSingleton<IAsyncProjection>(sp => sp.GetRequiredService<T>());
        services.AddSingleton<IProjection>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>The service's own schema scripts, applied after the event store's.</summary>
    public static IServiceCollection AddMigrations(this IServiceCollection services, IEnumerable<Migration> migrations)
    {
        foreach (var migration in migrations)
        {
            services.AddSingleton(migration);
        }
        return services;
    }

    private sealed class SchemaMigrationService(NpgsqlDataSource dataSource, IEnumerable<Migration> migrations) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            SchemaMigrator.MigrateAsync(dataSource, migrations, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
