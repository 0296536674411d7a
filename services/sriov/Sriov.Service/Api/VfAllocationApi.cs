using Mesh.Contracts.Leaks;
using Mesh.Contracts.Sriov;
using Mesh.Hosting;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Handlers;

namespace Mesh.Sriov.Service.Api;

/// VF allocation and release per pod over HTTP (the same handler as the bus commands; SRIOV-8..10).
public static class VfAllocationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/vf-allocations", async Task<IResult> (AllocatePodVfs pod, HttpContext http, VfAllocationHandler handler, CancellationToken ct) =>
        {
            if (ApiAccess.RequireProject(http, pod.Project) is { } forbidden)
            {
                return forbidden;
            }
            var (allocation, error) = await handler.AllocateAsync(pod, Meta.FromHttp(http, nameof(AllocateVfs), pod.Project), ct);
            return error is not null ? MeshProblems.Problem(error) : TypedResults.Ok(allocation);
        });
        api.MapDelete("/vf-allocations/{podUid}", async Task<IResult> (string podUid, HttpContext http, VfAllocationHandler handler, CancellationToken ct) =>
        {
            var holder = await handler.HolderAsync(podUid, ct);
            if (holder is { } h && ApiAccess.RequireProject(http, h.Project) is { } forbidden)
            {
                return forbidden;
            }
            var (released, _) = await handler.ReleaseAsync(podUid, "PodDeleted", Meta.FromHttp(http, nameof(ReleaseVfs), holder?.Project), ct);
            return TypedResults.Ok(released);
        });
        // IPAM-11a: an operator confirms a reclaim withheld as too large a share of the node.
        api.MapPost("/nodes/{node}/reclaim-confirmations", async Task<IResult> (string node, HttpContext http, VfAllocationHandler handler,
            Mesh.Contracts.Leaks.LeakPolicy policy, CancellationToken ct) =>
        {
            if (ApiAccess.RequireAdmin(http, "confirm a reclaim") is { } forbidden)
            {
                return forbidden;
            }
            var released = await handler.ConfirmReclaimAsync(node, policy, Meta.FromHttp(http, "ConfirmLeakReclaim"), ct);
            return TypedResults.Ok(new NodeReclaim(node, released.Select(r => r.PodUid).ToList()));
        });
    }
}
