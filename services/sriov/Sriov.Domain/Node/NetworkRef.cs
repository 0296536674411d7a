namespace Mesh.Sriov.Domain;

/// A network named by `k8s.v1.cni.cncf.io/networks: <namespace>/<name>`.
public sealed record NetworkRef(string Namespace, string Name)
{
    public override string ToString() => $"{Namespace}/{Name}";
}
