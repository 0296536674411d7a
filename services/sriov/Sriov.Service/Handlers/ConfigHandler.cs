using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Streams;

namespace Mesh.Sriov.Service.Handlers;

/// Policies and networks (stream `sriov-config`); a policy change reconciles every known node (SRIOV-4, 5).
public sealed class ConfigHandler(KeyedWriter<SriovConfig, ConfigCommand, ConfigSnapshot> config, NodeHandler nodes)
{
    public Task<ConfigSnapshot> SnapshotAsync(CancellationToken ct) => config.QueryAsync(ConfigBehavior.Key, ConfigSnapshot.Of, ct);

    public async Task<(ConfigSnapshot Snapshot, Decision Decision)> SubmitAsync(object command, string? policy, EventMetadata meta, CancellationToken ct)
    {
        var inventories = command is ApplyPolicy ? await nodes.InventoriesAsync(ct) : [];
        var outcome = await config.SubmitAsync(ConfigBehavior.Key, new ConfigCommand(command, inventories), meta.For(command.GetType().Name), ct);
        if (outcome.Decision.Events.Any(e => e is PolicyApplied or PolicyDeleted))
        {
            await nodes.ReconcileAllAsync(outcome.Result.Policies, policy, meta, ct);
        }
        return (outcome.Result, outcome.Decision);
    }
}
