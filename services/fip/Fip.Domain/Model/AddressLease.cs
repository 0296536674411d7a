namespace Mesh.Fip.Domain.Model;

// The latest IPAM allocation of an internal address this stream has heard of, and whether it was
// released. FIP-6 ordering: anything about an older generation is stale.
public sealed record AddressLease(string Owner, long Generation, bool Released);
