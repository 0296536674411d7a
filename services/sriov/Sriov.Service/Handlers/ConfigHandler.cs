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

    /// <summary>
    /// The configuration now, or as it was at <paramref name="asOf"/> (SRE-2): the whole `sriov-config` stream folded up to
    /// then, every policy and network in it; its Version is the stream's version then.
    /// </summary>
    public async Task<ConfigSnapshot> SnapshotAsync(DateTimeOffset? asOf, CancellationToken ct) => asOf is { } at
        ? ConfigSnapshot.Of((await config.AsOfAsync(ConfigBehavior.Key, at, ct)).State)
        : await SnapshotAsync(ct);

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
