namespace Mesh.Ipam.Domain.Pools;

/// <summary>Why an address went back: stored as text so that any consumer can read it.</summary>
public static class ReleaseReasons
{
    public const string PodDeleted = Mesh.Contracts.ReleaseReason.PodDeleted;
    public const string LeakReclaimed = Mesh.Contracts.ReleaseReason.LeakReclaimed;
    public const string Compensation = "Compensation";
    public const string InterfaceRemoved = "InterfaceRemoved";
    public const string NodeRemoved = Mesh.Contracts.ReleaseReason.NodeRemoved;
}
