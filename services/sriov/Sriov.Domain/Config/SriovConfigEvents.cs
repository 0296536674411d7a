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
