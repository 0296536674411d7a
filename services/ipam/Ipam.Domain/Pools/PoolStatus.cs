namespace Mesh.Ipam.Domain.Pools;

public enum PoolStatus
{
    /// <summary>No PoolCreated yet: the VPC service has not announced the subnet.</summary>
    Absent,
    Open,
    /// <summary>SUB-9: a deletion saga is running; allocations are refused until it ends.</summary>
    Closing,
    Deleted,
}
