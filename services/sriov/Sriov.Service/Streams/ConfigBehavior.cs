using Mesh.Contracts;
using Mesh.EventSourcing.Actors;
using Mesh.Sriov.Domain;

namespace Mesh.Sriov.Service.Streams;

/// A cluster-level command with the node inventories the policy checks need (SRIOV-2, SRIOV-4).
public sealed record ConfigCommand(object Command, IReadOnlyCollection<NodeInventory> Nodes);

/// An immutable copy of the cluster configuration, safe to hand out of the writer.
public sealed record ConfigSnapshot(long Version, IReadOnlyList<SriovNetworkNodePolicy> Policies, IReadOnlyList<SriovNetworkResource> Networks)
{
    public static ConfigSnapshot Of(SriovConfig config) => new(config.Version, [.. config.Policies], [.. config.Networks]);

    /// A fresh domain state for a decider outside the config writer (VF allocation).
    public SriovConfig ToConfig() => SriovConfig.Create(
        Policies.Select(p => (object)new PolicyApplied(p)).Concat(Networks.Select(n => new NetworkApplied(n))));

    public SriovNetworkNodePolicy? Policy(string name) => Policies.FirstOrDefault(p => p.Name == name);

    public SriovNetworkResource? Network(SriovNetworkKind kind, string ns, string name) =>
        Networks.FirstOrDefault(n => n.Kind == kind && n.Namespace == ns && n.Name == name);
}

/// The cluster stream `sriov-config` for its single writer.
public sealed class ConfigBehavior(SriovSettings settings) : IStreamBehavior<SriovConfig, ConfigCommand, ConfigSnapshot>
{
    public const string Key = "config";

    public string StreamId(string key) => SriovConfig.StreamId;

    public SriovConfig Initial(string key) => SriovConfig.Create();

    public SriovConfig Apply(SriovConfig state, object @event)
    {
        state.Apply(@event);
        return state;
    }

    public Decision Decide(SriovConfig state, ConfigCommand command) => command.Command switch
    {
        ApplyPolicy c => SriovConfigDecider.Decide(state, c, command.Nodes, settings),
        DeletePolicy c => SriovConfigDecider.Decide(state, c),
        ApplyNetwork c => SriovConfigDecider.Decide(state, c, settings),
        DeleteNetwork c => SriovConfigDecider.Decide(state, c),
        _ => throw new ArgumentException($"unknown config command {command.Command.GetType().Name}"),
    };

    public ConfigSnapshot Result(SriovConfig state, ConfigCommand command, Decision decision) => ConfigSnapshot.Of(state);
}
