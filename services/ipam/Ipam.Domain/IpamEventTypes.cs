namespace Mesh.Ipam.Domain;

/// <summary>Stored event type names: versioned, and never changed once written.</summary>
public static class IpamEventTypes
{
    public static readonly IReadOnlyDictionary<Type, string> Names = new Dictionary<Type, string>
    {
        [typeof(PoolCreated)] = "ipam.pool-created.v1",
        [typeof(PoolUpdated)] = "ipam.pool-updated.v1",
        [typeof(IpAllocated)] = "ipam.ip-allocated.v1",
        [typeof(IpReleased)] = "ipam.ip-released.v1",
        [typeof(LeakSuspected)] = "ipam.leak-suspected.v1",
        [typeof(LeakCleared)] = "ipam.leak-cleared.v1",
        [typeof(LeakReclaimWithheld)] = "ipam.leak-reclaim-withheld.v1",
        [typeof(SubnetUsageWarning)] = "ipam.subnet-usage-warning.v1",
        [typeof(PoolDeletionRequested)] = "ipam.pool-deletion-requested.v1",
        [typeof(PoolDeletionAborted)] = "ipam.pool-deletion-aborted.v1",
        [typeof(PoolDeleted)] = "ipam.pool-deleted.v1",
    };

    public static readonly IReadOnlyDictionary<string, Type> Types = Names.ToDictionary(p => p.Value, p => p.Key);

    public static string StreamId(string subnet) => $"subnet-pool-{subnet}";
}
