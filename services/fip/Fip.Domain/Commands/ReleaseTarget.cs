namespace Mesh.Fip.Domain.Commands;

// FIP-6: IPAM released an internal address of a pool (subnet). Generation is the allocation that ended
// (the same sequence as AllocatedTarget.Generation, per pool); EventId is IPAM's event id. POOL-1: the same
// address may be held in another pool (the overlay net192 and the underlay ibnics share 192.168.100.0/24),
// so only rules on this pool's address go.
public sealed record ReleaseTarget(string Ip, string PodUid, Guid EventId, long Generation, string Subnet);
