namespace Mesh.Fip.Domain.Events;

// Stored event type names (STYLE: explicit, versioned, never changed once stored).
public static class FipEventTypes
{
    public static IReadOnlyDictionary<Type, string> Names { get; } = new Dictionary<Type, string>
    {
        [typeof(PoolDefined)] = "fip.pool-defined.v1",
        [typeof(PoolRangesChanged)] = "fip.pool-ranges-changed.v1",
        [typeof(FipAllocated)] = "fip.fip-allocated.v1",
        [typeof(FipReleased)] = "fip.fip-released.v1",
        [typeof(FipAssociated)] = "fip.fip-associated.v1",
        [typeof(FipDisassociated)] = "fip.fip-disassociated.v1",
        [typeof(TargetReleaseRecorded)] = "fip.target-released.v1",
    };

    // The stream of one external network's pool, its FIPs and their rules.
    public static string StreamId(string externalNetwork) => $"fip-pool-{externalNetwork}";
}
