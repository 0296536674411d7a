namespace Mesh.Fip.Domain.Commands;

// FIP-2. Pool is the external network's name or id. HeldInOtherPools is the
// project's FIP count in other external networks' pools, read by the handler from the projection,
// since the quota spans pools and a decider sees one stream.
public sealed record AllocateFip(
    string IdempotencyKey,
    string Project,
    string Pool,
    string Name,
    string? Address = null,
    int HeldInOtherPools = 0);
