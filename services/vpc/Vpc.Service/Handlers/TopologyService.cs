using System.Text.Json.Nodes;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Handlers;

// What the HTTP endpoints and the consumers call: every command goes through the one writer of
// the `topology` stream, every read through its actor (the Topology is not thread-safe).
public sealed class TopologyService(KeyedWriter<Topology, TopologyRequest, JsonObject?> writer)
{
    private const string Key = TopologyEventTypes.Stream;

    public Task<WriteOutcome<JsonObject?>> SubmitAsync(ITopologyCommand command, EventMetadata metadata, long? expectedVersion = null,
        CancellationToken ct = default) =>
        writer.SubmitAsync(Key, new TopologyRequest(command, expectedVersion), metadata.For(command.GetType().Name), ct);

    public Task<T> QueryAsync<T>(Func<Topology, T> query, CancellationToken ct = default) => writer.QueryAsync(Key, query, ct);
}
