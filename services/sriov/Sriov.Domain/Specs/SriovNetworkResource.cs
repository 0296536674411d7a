namespace Mesh.Sriov.Domain;

/// A `SriovNetwork` or `SriovIBNetwork` document: kind, metadata and spec.
public sealed record SriovNetworkResource(SriovNetworkKind Kind, string Name, string Namespace, SriovNetworkSpec Spec)
{
    /// Where the NetworkAttachmentDefinition lives and whose pods may attach: `networkNamespace`,
    /// or the network's own namespace when omitted (as the operator does).
    public string TargetNamespace => string.IsNullOrEmpty(Spec.NetworkNamespace) ? Namespace : Spec.NetworkNamespace;
}
