using MassTransit;
using Mesh.EventSourcing;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Store.Bench;

public static class BenchHost
{
    public static async Task<IHost> StartAsync(TestDatabase db, TestVirtualHost vhost, bool publisher,
        Action<IBusRegistrationConfigurator>? consumers = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMeshEventStore(db.ConnectionString, t => t.Register<CounterIncremented>("bench.counter-incremented.v1"),
            new EventStoreOptions { IdlePoll = TimeSpan.FromMilliseconds(100) });
        builder.Services.AddMeshMessaging("bench", new MessagingOptions { Url = vhost.Url }, consumers);
        if (publisher)
        {
            builder.Services.AddLogPublisher<AppendedMapper>();
        }
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
