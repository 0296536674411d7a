using Mesh.Addressing;
using Mesh.Contracts.Ipam;
using Mesh.EventSourcing;
using Mesh.Fip.Domain.Commands;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Service.Projections;
using Mesh.Fip.Service.World;
using Mesh.Fip.Service.Writing;

namespace Mesh.Fip.Service.Handlers;

// FIP-6: IPAM released an internal address; every rule on it goes (reason TargetReleased), the FIP stays.
// Safe twice and out of order: the world model and the domain both order by IPAM's generation.
public sealed class ReclaimHandler(WorldWriter worldWriter, Catalog catalog, FipWriter writer)
{
    public async Task ReleasedAsync(AddressReleased e, Guid messageId, Guid? correlationId)
    {
        // Recorded first, so an association racing with this release sees it when it re-checks.
        await worldWriter.ReleasedAsync(e);
        var metadata = new EventMetadata("ipam", correlationId ?? Guid.NewGuid(), messageId, nameof(ReleaseTarget),
            $"{DisassociationReason.TargetReleased}: {e.Reason}");
        foreach (var ip in WorldWriter.Addresses(e.IpAddress).Where(a => IpAddress.TryParse(a, IpFamily.V4, out _)))
        {
            foreach (var pool in await catalog.PoolsWithRulesOnAsync(ip))
            {
                await writer.SubmitAsync(pool, new ReleaseTarget(ip, e.PodUid, messageId, e.Generation, e.Subnet), metadata);
            }
        }
    }
}
