using Mesh.Contracts;
using Mesh.Contracts.Ipam;
using Mesh.Hosting;
using Mesh.Ipam.Domain;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Api;

/// <summary>AllocateIp / ReleaseIp / ReportLivePods over HTTP: the same handler as the bus consumers.</summary>
public static class AllocationsApi
{
    public static RouteGroupBuilder MapAllocations(this RouteGroupBuilder api)
    {
        api.MapPost("/allocations", async (AllocateIp? body, AllocationHandler handler, HttpContext http, CancellationToken ct) =>
        {
            if (body is null)
            {
                return (IResult)MeshProblems.Problem(IpamErrors.Missing("body"));
            }
            if (HttpCaller.Check(http, body.Project) is { } forbidden)
            {
                return MeshProblems.Problem(forbidden);
            }
            var (ok, error) = await handler.AllocateAsync(body, HttpCaller.Metadata(http, body.Project), ct);
            return error is null ? TypedResults.Ok(ok) : MeshProblems.Problem(error);
        });

        api.MapDelete("/allocations/{podUid}", async (string podUid, string? @interface, string? reason, string? project,
            AllocationHandler handler, HttpContext http, CancellationToken ct) =>
        {
            var caller = MeshPrincipal.From(http.User);
            project ??= caller.Project;
            if (HttpCaller.Check(http, project) is { } forbidden)
            {
                return (IResult)MeshProblems.Problem(forbidden);
            }
            var command = new ReleaseIp { Project = project, PodUid = podUid, Interface = @interface, Reason = reason ?? "PodDeleted" };
            var (ok, error) = await handler.ReleaseAsync(command, HttpCaller.Metadata(http, project), ct,
                caller.IsAdmin ? null : p => p == project);
            return error is null ? TypedResults.Ok(ok) : MeshProblems.Problem(error);
        });

        api.MapPost("/nodes/{node}/live-pods", async (string node, LiveReport? body, AllocationHandler handler, HttpContext http,
            CancellationToken ct) =>
        {
            var caller = MeshPrincipal.From(http.User);
            if (!caller.IsAdmin && caller.Role != MeshPrincipal.NodeRole)
            {
                return (IResult)MeshProblems.Problem(new MeshError(ErrorCodes.Forbidden,
                    $"'{caller.Subject}' (role '{caller.Role}') may not report a node's pods", ErrorKind.Forbidden, "role", caller.Role,
                    "report with a node-agent or admin token"));
            }
            if (body?.PodUids is null)
            {
                return MeshProblems.Problem(IpamErrors.Missing("podUids"));
            }
            var report = new ReportLivePods(node, body.PodUids, body.ObservedAt ?? default, body.PodSource);
            var (ok, error) = await handler.ReportLivePodsAsync(report, HttpCaller.Metadata(http, null), ct);
            return error is null ? TypedResults.Ok(ok) : MeshProblems.Problem(error);
        });

        // IPAM-11a: an operator confirms a reclaim that was withheld because it was more than the node's allowed share.
        api.MapPost("/nodes/{node}/reclaim-confirmations", async (string node, AllocationHandler handler, HttpContext http,
            CancellationToken ct) =>
        {
            var caller = MeshPrincipal.From(http.User);
            if (!caller.IsAdmin)
            {
                return (IResult)MeshProblems.Problem(new MeshError(ErrorCodes.Forbidden,
                    $"'{caller.Subject}' (role '{caller.Role}') may not confirm a reclaim: it releases other projects' addresses",
                    ErrorKind.Forbidden, "role", caller.Role, "confirm with an admin token (meshctl reclaim confirm NODE)"));
            }
            var (ok, error) = await handler.ConfirmReclaimAsync(node, HttpCaller.Metadata(http, null), ct);
            return error is null ? TypedResults.Ok(ok) : MeshProblems.Problem(error);
        });
        return api;
    }
}
