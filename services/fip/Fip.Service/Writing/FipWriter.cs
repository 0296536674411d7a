using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Fip.Domain.State;
using Mesh.Hosting;

namespace Mesh.Fip.Service.Writing;

// The single writer of the pool streams, keyed by external network id. A refusal becomes a MeshException,
// which HTTP answers as its problem and the bus as Rejected.
public sealed class FipWriter(KeyedWriter<FipPoolState, object, PoolOutcome> writer)
{
    public async Task<PoolOutcome> SubmitAsync(string externalNetworkId, object command, EventMetadata metadata)
    {
        var outcome = await writer.SubmitAsync(externalNetworkId, command, metadata);
        return outcome.Decision.Error is { } error ? throw new MeshException(error) : outcome.Result;
    }

    public Task<T> QueryAsync<T>(string externalNetworkId, Func<FipPoolState, T> query) => writer.QueryAsync(externalNetworkId, query);

    // SRE-2: the pool's stream folded up to a past time (version 0: it did not exist yet).
    public Task<(FipPoolState State, long Version)> AsOfAsync(string externalNetworkId, DateTimeOffset at) => writer.AsOfAsync(externalNetworkId, at);
}
