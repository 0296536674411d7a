namespace Mesh.Contracts.Sriov;

// SRIOV-7: every SriovNetwork / SriovIBNetwork has a NetworkAttachmentDefinition of the same name in
// its target namespace. Node agents and the CNI read these; Multus resolves
// `k8s.v1.cni.cncf.io/networks: <Namespace>/<Name>` to `Config`.

/// <summary>A NetworkAttachmentDefinition was created or changed.</summary>
/// <param name="Name">The network's name.</param>
/// <param name="Namespace">The network's target namespace (<c>spec.networkNamespace</c>, or its own).</param>
/// <param name="Annotations">Includes <c>k8s.v1.cni.cncf.io/resourceName: ecnf.io/&lt;resourceName&gt;</c>.</param>
/// <param name="Config">The CNI configuration JSON text (<c>sriov</c> or <c>ib-sriov</c>).</param>
public sealed record NetworkAttachmentDefinitionApplied(
    string Name,
    string Namespace,
    IReadOnlyDictionary<string, string> Annotations,
    string Config);

/// <summary>The NetworkAttachmentDefinition was removed (its network was deleted or moved).</summary>
public sealed record NetworkAttachmentDefinitionRemoved(string Name, string Namespace);
