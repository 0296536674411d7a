using Mesh.Fip.Domain.State;
using Mesh.Fip.Service.Projections;
using Mesh.Fip.Service.Writing;

namespace Mesh.Fip.Service.Handlers;

// SRE-2: the pool streams as they were at a past time. A floating IP or rule lives in its pool's stream
// (fip-pool-<ext>, beside the pool's other FIPs and rules) and may since have been released, or its name
// reused in another pool, so the pools are folded up to then until one held it, not only the pool the
// catalog names now. Pools are never deleted: the catalog lists every pool stream there is.
public sealed class PoolsAsOf(FipWriter writer, Catalog catalog)
{
    public async Task<(FipPoolState State, long Version)?> FindAsync(DateTimeOffset at, Func<FipPoolState, bool> held)
    {
        foreach (var pool in await catalog.PoolsAsync())
        {
            var (state, version) = await writer.AsOfAsync(pool.ExternalNetworkId, at);
            if (state.Pool is not null && held(state))
            {
                return (state, version);
            }
        }
        return null;
    }
}
