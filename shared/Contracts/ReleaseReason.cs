namespace Mesh.Contracts;

/// <summary>Why a pod's addresses, VFs or GPUs went back, as every service records and publishes it.</summary>
public static class ReleaseReason
{
    public const string PodDeleted = "PodDeleted";

    /// <summary>IPAM-11, IPAM-11b: the pod was missing from its node's reports.</summary>
    public const string LeakReclaimed = "LeakReclaimed";

    /// <summary>NODE-1: the node left the cluster.</summary>
    public const string NodeRemoved = "NodeRemoved";
}
