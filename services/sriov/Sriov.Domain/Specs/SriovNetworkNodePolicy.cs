namespace Mesh.Sriov.Domain;

/// A `SriovNetworkNodePolicy` document: metadata plus spec.
public sealed record SriovNetworkNodePolicy(string Name, string Namespace, SriovNetworkNodePolicySpec Spec)
{
    public int EffectivePriority => Spec.Priority ?? PolicyValidator.DefaultPriority;
}
