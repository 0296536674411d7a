namespace Mesh.Sriov.Domain;

/// Recompute one node's desired configuration from every current policy (SRIOV-4, SRIOV-5).
/// `TriggeredBy` is the policy just applied or deleted, so that a policy matching none of this
/// node's PFs can say so.
public sealed record ReconcileNodePolicies(
    string Node,
    IReadOnlyCollection<SriovNetworkNodePolicy> Policies,
    string? TriggeredBy = null);
