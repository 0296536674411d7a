using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Mesh.Contracts;
using Mesh.Messaging;

namespace Mesh.NodeAgent;

/// <summary>
/// The agent's one queue, <c>node-agent-&lt;node&gt;</c>, bound with routing key <c>node.&lt;node&gt;</c> to
/// every node-scoped contract: it receives its own node's allocations, releases and desired
/// configuration, and nothing of any other node (AGENT-1).
/// </summary>
public static class NodeBus
{
    public static IReadOnlyList<Type> NodeScopedContracts { get; } = typeof(INodeScoped).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INodeScoped).IsAssignableFrom(t)).ToArray();

    public static void Configure(IRabbitMqBusFactoryConfigurator cfg, string node, NodeState state, Action<string, JsonObject>? onEvent)
    {
        cfg.ReceiveEndpoint($"node-agent-{node}", e =>
        {
            var bind = typeof(NodeBus).GetMethod(nameof(BindOne), BindingFlags.NonPublic | BindingFlags.Static)!;
            foreach (var type in NodeScopedContracts)
            {
                bind.MakeGenericMethod(type).Invoke(null, [e, node, state, onEvent]);
            }
        });
    }

    private static void BindOne<T>(IRabbitMqReceiveEndpointConfigurator e, string node, NodeState state, Action<string, JsonObject>? onEvent)
        where T : class, INodeScoped
    {
        e.BindNodeScoped<T>(node);
        e.Handler<T>(context =>
        {
            if (!string.Equals(context.Message.Node, node, StringComparison.Ordinal))
            {
                // Another node's message in this queue (a replay sent to the wrong queue): not ours to apply.
                return Task.CompletedTask;
            }
            var json = JsonSerializer.SerializeToNode(context.Message, JsonSerializerOptions.Web)!.AsObject();
            if (state.Apply(typeof(T).Name, json, context.MessageId))
            {
                onEvent?.Invoke(typeof(T).Name, json);
            }
            return Task.CompletedTask;
        });
    }
}
