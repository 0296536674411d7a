using System.Reflection;
using MassTransit;
using Mesh.Contracts;
using RabbitMQ.Client;

namespace Mesh.Messaging;

/// <summary>
/// Node-scoped messages (<see cref="INodeScoped"/>) go to topic exchanges with the routing key
/// <c>node.&lt;name&gt;</c>: a node agent binds <c>node.worker-1</c>, a service binds <c>#</c>.
/// </summary>
public static class NodeRouting
{
    /// <summary>The routing key of a node.</summary>
    public static string RoutingKey(string node) => "node." + node;

    /// <summary>Declares every node-scoped type in <paramref name="assemblies"/> as topic-routed.</summary>
    public static void ConfigureNodeScopedPublishing(IRabbitMqBusFactoryConfigurator cfg, params Assembly[] assemblies)
    {
        var method = typeof(NodeRouting).GetMethod(nameof(ConfigureOne), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in assemblies.Append(typeof(INodeScoped).Assembly).Distinct().SelectMany(a => a.GetExportedTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INodeScoped).IsAssignableFrom(t)))
        {
            method.MakeGenericMethod(type).Invoke(null, [cfg]);
        }
    }

    private static void ConfigureOne<T>(IRabbitMqBusFactoryConfigurator cfg) where T : class, INodeScoped
    {
        cfg.Publish<T>(x => x.ExchangeType = ExchangeType.Topic);
        cfg.Send<T>(x => x.UseRoutingKeyFormatter(context => RoutingKey(context.Message.Node)));
    }

    /// <summary>
    /// Binds a receive endpoint to a node-scoped message: every node (<paramref name="node"/> null) or one.
    /// Call instead of the default consume topology for that endpoint.
    /// </summary>
    public static void BindNodeScoped<T>(this IRabbitMqReceiveEndpointConfigurator endpoint, string? node = null) where T : class, INodeScoped
    {
        endpoint.ConfigureConsumeTopology = false;
        endpoint.Bind<T>(x =>
        {
            x.ExchangeType = ExchangeType.Topic;
            x.RoutingKey = node is null ? "#" : RoutingKey(node);
        });
    }
}
