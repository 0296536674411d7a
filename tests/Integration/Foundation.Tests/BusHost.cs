using MassTransit;
using Mesh.EventSourcing;
using Mesh.Messaging;
using Mesh.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mesh.Foundation.Tests;

/// <summary>A service-shaped host over a test database and virtual host: event store, bus, publisher.</summary>
public static class BusHost
{
    public static async Task<IHost> StartAsync(TestDatabase db, TestVirtualHost vhost, string service,
        bool publisher, Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configure = null,
        Action<IServiceCollection>? services = null, Action<IServiceCollection>? mapper = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMeshEventStore(db.ConnectionString, TestTypes.Register,
            new EventStoreOptions { IdlePoll = TimeSpan.FromMilliseconds(200) });
        builder.Services.AddMeshMessaging(service, new MessagingOptions { Url = vhost.Url }, consumers, configure, typeof(BusHost).Assembly);
        builder.Services.AddSingleton<DeliveryLog>();
        if (publisher)
        {
            builder.Services.AddLogPublisher<ObservingMapper>();
        }
        else if (mapper is not null)
        {
            mapper(builder.Services);
        }
        services?.Invoke(builder.Services);
        // Started means bound: a message sent straight to a queue right after start must find it.
        builder.Services.Configure<MassTransitHostOptions>(o => (o.WaitUntilStarted, o.StartTimeout) = (true, TimeSpan.FromSeconds(60)));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
