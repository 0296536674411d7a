namespace Mesh.Fip.Domain.Commands;

// FIP-6: IPAM released an internal address. Generation is the allocation that ended
// (the same sequence as AllocatedTarget.Generation); EventId is IPAM's event id.
public sealed record ReleaseTarget(string Ip, string PodUid, Guid EventId, long Generation);
