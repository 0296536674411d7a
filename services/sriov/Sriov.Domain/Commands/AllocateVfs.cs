namespace Mesh.Sriov.Domain;

/// A pod's VF request (SRIOV-8..10). `Requests` are the pod's resource requests, e.g.
/// `ecnf.io/mlxnics: 1`; `PodUid` is the idempotency key (COMMON-2).
public sealed record AllocateVfs(
    string Node,
    string PodUid,
    string Namespace,
    string Name,
    string? RuntimeClassName,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyDictionary<string, int> Requests,
    string? Project = null);
