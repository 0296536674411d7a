using System.Reflection;
using System.Text.Json.Serialization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mesh.Messaging;

/// <summary>MassTransit on RabbitMQ with the mesh's conventions.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// The bus: kebab-case endpoints prefixed with <paramref name="serviceName"/> (so two services'
    /// consumers of one event get a queue each), raw JSON accepted from non-.NET senders, retries,
    /// node-scoped routing, the inbox. MassTransit's usage telemetry to its vendor is off.
    /// </summary>
    public static IServiceCollection AddMeshMessaging(this IServiceCollection services, string serviceName, MessagingOptions options,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configure = null,
        params Assembly[] contractAssemblies)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<Inbox>();
        // Started means bound: an event published right after start must find this service's queues (and a command sent
        // straight to its queue must be routed, not returned unroutable).
        services.Configure<MassTransitHostOptions>(o => (o.WaitUntilStarted, o.StartTimeout) = (true, TimeSpan.FromSeconds(60)));
        services.AddMassTransit(x =>
        {
            // A control plane calls only its configured PostgreSQL, RabbitMQ and OTLP endpoints: no vendor telemetry.
            x.DisableUsageTelemetry();
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            consumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                var (host, port, vhost, user, password) = options.Parse();
                cfg.Host(host, port, vhost, h =>
                {
                    h.Username(user);
                    h.Password(password);
                });
                cfg.ConfigureJsonSerializerOptions(json =>
                {
                    json.Converters.Add(new JsonStringEnumConverter());
                    return json;
                });
                cfg.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: false);
                cfg.UseMessageRetry(r =>
                {
                    r.Ignore<ArgumentException>();
                    r.Exponential(options.RetryLimit, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
                });
                cfg.ConnectReceiveObserver(new PlainRequestFaultObserver());
                NodeRouting.ConfigureNodeScopedPublishing(cfg, contractAssemblies);
                configure?.Invoke(context, cfg);
                cfg.ConfigureEndpoints(context);
            });
        });
        return services;
    }

    /// <summary>Publishes the log through <typeparamref name="TMapper"/> (the service's outbox).</summary>
    public static IServiceCollection AddLogPublisher<TMapper>(this IServiceCollection services) where TMapper : class, IEventContractMapper
    {
        services.AddSingleton<IEventContractMapper, TMapper>();
        services.AddSingleton<LogPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<LogPublisher>());
        return services;
    }
}
