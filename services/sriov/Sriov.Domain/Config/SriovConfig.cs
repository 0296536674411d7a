namespace Mesh.Sriov.Domain;

/// Cluster-level state (stream `sriov-config`): every policy and network. Only the stream's
/// single writer calls <see cref="Apply"/>; deciders read it and never mutate it.
public sealed class SriovConfig
{
    public const string StreamId = "sriov-config";

    private readonly Dictionary<string, SriovNetworkNodePolicy> policies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), SriovNetworkResource> networks = new();

    public IReadOnlyCollection<SriovNetworkNodePolicy> Policies => policies.Values;

    public IReadOnlyCollection<SriovNetworkResource> Networks => networks.Values;

    public long Version { get; private set; }

    public static SriovConfig Create(IEnumerable<object>? history = null)
    {
        var state = new SriovConfig();
        foreach (var e in history ?? [])
        {
            state.Apply(e);
        }
        return state;
    }

    public SriovNetworkNodePolicy? Policy(string name) => policies.GetValueOrDefault(name);

    public SriovNetworkResource? Network(string ns, string name) => networks.GetValueOrDefault((ns, name));

    /// The network a pod names in `k8s.v1.cni.cncf.io/networks: <ns>/<name>`: its
    /// NetworkAttachmentDefinition lives in the network's target namespace.
    public SriovNetworkResource? Attachment(string ns, string name) =>
        networks.Values.FirstOrDefault(n => n.Name == name && n.TargetNamespace == ns);

    public void Apply(object e)
    {
        switch (e)
        {
            case PolicyApplied p:
                policies[p.Policy.Name] = p.Policy;
                break;
            case PolicyDeleted p:
                policies.Remove(p.Name);
                break;
            case NetworkApplied n:
                networks[(n.Network.Namespace, n.Network.Name)] = n.Network;
                break;
            case NetworkDeleted n:
                networks.Remove((n.Namespace, n.Name));
                break;
        }
        Version++;
    }
}
