namespace Mesh.Sriov.Domain;

// Events of the cluster-level stream `sriov-config`. Stored type names: SriovEventTypes.

/// A policy was created or changed; the spec carries the defaults (SRIOV-2a).
public sealed record PolicyApplied(SriovNetworkNodePolicy Policy);

public sealed record PolicyDeleted(string Name, string Namespace);

/// A network was created or changed; vlan and vlanQoS carry their defaults (SRIOV-6).
public sealed record NetworkApplied(SriovNetworkResource Network);

public sealed record NetworkDeleted(SriovNetworkKind Kind, string Name, string Namespace);

/// SRIOV-7: the NetworkAttachmentDefinition that node agents and the CNI consume: same name as
/// the network, in its target namespace, `Config` being the CNI configuration JSON text.
public sealed record NetworkAttachmentDefinitionRendered(
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Annotations,
    string Config);

public sealed record NetworkAttachmentDefinitionDeleted(string Name, string Namespace);

/// SRIOV-4: a policy that selects no reported PF changes nothing and says so. `Node` is null
/// when no known node has a matching PF, else the node whose PFs it missed.
public sealed record PolicyMatchedNoDevices(string Policy, string? Node, string Reason);

/// POOL-1: the IPAM pool of a physical network's range, shared by <paramref name="Networks"/>; recorded
/// when its first network appears and whenever its spec (the union of the networks' excludes) changes.
/// `Namespace`/`Network` name the network whose change caused it.
public sealed record NetworkPoolDefined(
    string Pool,
    string Provider,
    string ResourceName,
    string Range,
    string? Gateway,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> Networks,
    string Namespace,
    string Network)
{
    public bool SameAs(NetworkPoolDefined other) =>
        Pool == other.Pool && Provider == other.Provider && Range == other.Range && Gateway == other.Gateway
        && Exclude.SequenceEqual(other.Exclude) && Networks.SequenceEqual(other.Networks);
}

/// POOL-1: the pool's last network was deleted or moved to another range.
public sealed record NetworkPoolClosed(string Pool, string Namespace, string Network);
