using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.EventSourcing.Actors;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Projections;
using Mesh.Sriov.Service.Streams;

namespace Mesh.Sriov.Service.Handlers;

/// What the service shows of one node (SriovNetworkNodeState).
public sealed record NodeView(
    string Name, long Version, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<SriovInterface> Interfaces,
    string? SyncStatus, IReadOnlyList<DesiredPfConfig> Desired, IReadOnlyList<string> PendingPfs, IReadOnlyList<VfAllocation> Allocations);

/// Node agent reports and the reconciliation of a node's desired configuration (SRIOV-1, 4, 5).
public sealed class NodeHandler(
    KeyedWriter<NodeState, object, object?> nodes,
    KeyedWriter<SriovConfig, ConfigCommand, ConfigSnapshot> config,
    SriovIndex index,
    ILogger<NodeHandler> logger)
{
    public const string HostnameLabel = "kubernetes.io/hostname";

    public async Task<(NodeView? View, MeshError? Error)> ReportAsync(
        string node, IReadOnlyDictionary<string, string>? labels, SriovNetworkNodeStateStatus status, EventMetadata meta, CancellationToken ct)
    {
        if (NodeStateValidator.Validate(status).Error is { } invalid)
        {
            return (null, invalid);
        }
        // The kubelet always sets the hostname label, which the manual's nodeSelector uses.
        var all = new Dictionary<string, string>(labels ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        all.TryAdd(HostnameLabel, node);
        await nodes.SubmitAsync(node, new ReportNodeLabels(node, all), meta.For(nameof(ReportNodeLabels)), ct);
        var reported = await nodes.SubmitAsync(node, new ReportNodeState(node, status), meta.For(nameof(ReportNodeState)), ct);
        if (reported.Decision.Error is { } error)
        {
            return (null, error);
        }
        var snapshot = await config.QueryAsync(ConfigBehavior.Key, ConfigSnapshot.Of, ct);
        var reconciled = await nodes.SubmitAsync(node, new ReconcileNodePolicies(node, snapshot.Policies), meta.For(nameof(ReconcileNodePolicies)), ct);
        if (reconciled.Decision.Error is { } conflict)
        {
            // The report stands (it is what the node has); the policies cannot apply until it changes.
            logger.LogWarning("node {Node}: policies not applied: {Error}", node, conflict);
        }
        return (await ViewAsync(node, ct), null);
    }

    public async Task ReconcileAllAsync(IReadOnlyList<SriovNetworkNodePolicy> policies, string? trigger, EventMetadata meta, CancellationToken ct)
    {
        foreach (var node in await index.NodesAsync(ct))
        {
            var outcome = await nodes.SubmitAsync(node, new ReconcileNodePolicies(node, policies, trigger), meta.For(nameof(ReconcileNodePolicies)), ct);
            if (outcome.Decision.Error is { } error)
            {
                logger.LogWarning("node {Node}: policies not applied: {Error}", node, error);
            }
        }
    }

    public Task<IReadOnlyCollection<NodeInventory>> InventoriesAsync(CancellationToken ct) => InventoriesAsync(null, ct);

    /// <summary>Every node's labels and PFs, now or as reported by <paramref name="asOf"/> (SRE-2: a policy's matches then).</summary>
    public async Task<IReadOnlyCollection<NodeInventory>> InventoriesAsync(DateTimeOffset? asOf, CancellationToken ct)
    {
        var result = new List<NodeInventory>();
        foreach (var node in await index.NodesAsync(ct))
        {
            if (asOf is not { } at)
            {
                result.Add(await nodes.QueryAsync(node, s => InventoryOf(s.Node), ct));
            }
            else if (await nodes.AsOfAsync(node, at, ct) is { Version: > 0 } then)
            {
                result.Add(InventoryOf(then.State.Node));
            }
        }
        return result;
    }

    public async Task<IReadOnlyList<NodeView>> ListAsync(CancellationToken ct)
    {
        var views = new List<NodeView>();
        foreach (var node in await index.NodesAsync(ct))
        {
            if (await ViewAsync(node, ct) is { } view)
            {
                views.Add(view);
            }
        }
        return views;
    }

    public Task<NodeView?> ViewAsync(string node, CancellationToken ct) => nodes.QueryAsync(node, s => ViewOf(node, s.Node), ct);

    /// <summary>SRE-2: the node as it was at <paramref name="at"/>, folded from its stream up to then.</summary>
    public async Task<NodeView?> ViewAsOfAsync(string node, DateTimeOffset at, CancellationToken ct) =>
        ViewOf(node, (await nodes.AsOfAsync(node, at, ct)).State.Node);

    private static NodeInventory InventoryOf(SriovNode n) => new(n.Name, new Dictionary<string, string>(n.Labels), [.. n.Interfaces]);

    private static NodeView? ViewOf(string node, SriovNode n) => n.Version == 0
        ? null
        : new NodeView(node, n.Version, new Dictionary<string, string>(n.Labels), [.. n.Interfaces], n.SyncStatus,
            [.. n.Desired.Values], [.. n.PendingPfs.Order(StringComparer.Ordinal)], [.. n.Allocations.Values]);
}
