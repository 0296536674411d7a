using Mesh.Contracts;
using Mesh.Contracts.Fip;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Service.Projections;
using Mesh.Fip.Service.Writing;
using Mesh.Hosting;
using D = Mesh.Fip.Domain.Commands;

namespace Mesh.Fip.Service.Handlers;

// FIP-2 and FIP-7: allocating and releasing floating IPs (OvnEip), from the HTTP API and the bus.
public sealed class AllocationHandler(FipWriter writer, Catalog catalog)
{
    public async Task<FipAllocation> AllocateAsync(Caller caller, AllocateFip c)
    {
        if (!caller.CanActOn(c.Project))
        {
            throw new MeshException(FipErrors.Forbidden(c.Name, c.Project, caller.Project));
        }
        if (DnsName.Check(c.Name) is { } badName)
        {
            throw new MeshException(badName);
        }
        if (string.IsNullOrWhiteSpace(c.ExternalSubnet))
        {
            throw new MeshException(TargetResolver.Missing("externalSubnet", "the external network (its pool name or id)"));
        }
        var pool = await catalog.PoolAsync(c.ExternalSubnet.Trim()) ?? throw new MeshException(FipErrors.PoolNotFound(c.ExternalSubnet));
        if (await catalog.FipAsync(c.Name) is { } existing)
        {
            if (existing.ExternalNetworkId != pool.ExternalNetworkId)
            {
                throw new MeshException(FipErrors.FipAlreadyExists(existing.Name, existing.Project, existing.Address));
            }
            // PUT of the same resource again (COMMON-2): the same floating IP, nothing recorded.
            if (existing.Project == c.Project && (c.V4Ip is null || c.V4Ip.Trim() == existing.Address) && c.IdempotencyKey is null)
            {
                return View(existing, pool);
            }
        }
        var held = await catalog.HeldElsewhereAsync(c.Project, pool.ExternalNetworkId);
        var command = new D.AllocateFip(c.IdempotencyKey ?? $"fip/{c.Name}/{Guid.NewGuid():N}", c.Project, pool.ExternalNetworkId,
            c.Name, string.IsNullOrWhiteSpace(c.V4Ip) ? null : c.V4Ip.Trim(), held);
        var outcome = await writer.SubmitAsync(pool.ExternalNetworkId, command, caller.Metadata(nameof(AllocateFip)));
        var fip = outcome.Fip ?? throw new MeshException(FipErrors.FipNotFound(c.Name));
        return new FipAllocation(fip.Name, fip.Project, pool.ExternalNetworkId, pool.Name, fip.Address);
    }

    public async Task<FipReleaseResult> ReleaseAsync(Caller caller, ReleaseFip c)
    {
        var fip = await catalog.FipAsync(c.Name);
        if (fip is null)
        {
            return new FipReleaseResult(c.Name, false, []);
        }
        var command = new D.ReleaseFip(c.Name, caller.Admin ? fip.Project : c.Project, c.Cascade, caller.Admin);
        if (!caller.CanActOn(c.Project))
        {
            throw new MeshException(FipErrors.Forbidden(c.Name, fip.Project, caller.Project));
        }
        var outcome = await writer.SubmitAsync(fip.ExternalNetworkId, command, caller.Metadata(nameof(ReleaseFip), c.Cascade ? "cascade" : null));
        return new FipReleaseResult(c.Name, outcome.Released, outcome.RemovedRules);
    }

    public static FipAllocation View(FipRow fip, PoolRow pool) =>
        new(fip.Name, fip.Project, pool.ExternalNetworkId, pool.Name, fip.Address);
}
