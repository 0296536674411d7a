using Mesh.Contracts;
using Mesh.Contracts.Gpu;
using Mesh.Gpu.Service.Handlers;
using Mesh.Gpu.Service.Projections;
using Mesh.Hosting;

namespace Mesh.Gpu.Service.Api;

/// <summary><c>/apis/gpu.mesh.io/v1/assignments</c>: cards for a pod (or where they would be, <c>?dryRun=true</c>), by pod uid.</summary>
public static class AssignmentApi
{
    public static RouteGroupBuilder MapAssignments(this RouteGroupBuilder api)
    {
        api.MapPost("/assignments", async (HttpContext http, GpuAssignments assignments, bool? dryRun, string? strategy,
            CancellationToken ct) =>
        {
            // The body is the pod, or the bus command's shape {"pod": ..., "dryRun": ..., "strategy": ...} (docs/platform-services.md);
            // the query's dryRun and strategy win over the body's.
            var body = await Bodies.ReadObjectAsync(http.Request, ct);
            var command = body.ContainsKey("pod") ? Bodies.Bind<AssignPodGpus>(body) : new AssignPodGpus { Pod = Bodies.Bind<GpuPod>(body) };
            command = command with { DryRun = dryRun ?? command.DryRun, Strategy = strategy ?? command.Strategy };
            var pod = command.Pod;
            var caller = Callers.ActingOn(http, pod.Project);
            var result = await assignments.AssignAsync(command, Metadata.From(caller, nameof(AssignPodGpus), pod.Project), ct);
            return result.DryRun || result.AlreadyAssigned
                ? (IResult)TypedResults.Ok(result)
                : TypedResults.Created($"/apis/gpu.mesh.io/v1/assignments/{Uri.EscapeDataString(result.PodUid)}", result);
        });

        api.MapGet("/assignments/{uid}", async (string uid, HttpContext http, ClusterView view, CancellationToken ct) =>
        {
            var held = (await view.AssignmentsOfAsync(uid, ct)).FirstOrDefault();
            if (held is null)
            {
                return (IResult)MeshProblems.Problem(new MeshError(ErrorCodes.NotFound, $"pod uid '{uid}' holds no GPUs",
                    ErrorKind.NotFound, "uid", uid));
            }
            Callers.ActingOn(http, held.Project);
            return TypedResults.Ok(AssignmentTranslation.ToContract(held));
        });

        api.MapDelete("/assignments/{uid}", async (string uid, string? project, HttpContext http, GpuAssignments assignments,
            CancellationToken ct) =>
        {
            var caller = MeshPrincipal.From(http.User);
            if (project is not null)
            {
                Callers.ActingOn(http, project);
            }
            return TypedResults.Ok(await assignments.ReleaseAsync(uid, project, Metadata.From(caller, nameof(ReleasePodGpus), project),
                caller.CanActOn, ct));
        });

        // IPAM-11a: an operator confirms a reclaim withheld as too large a share of the node.
        api.MapPost("/gpunodes/{node}/reclaim-confirmations", async (string node, HttpContext http, GpuAssignments assignments,
            Mesh.Contracts.Leaks.LeakPolicy policy, CancellationToken ct) =>
        {
            var caller = MeshPrincipal.From(http.User);
            if (!caller.IsAdmin)
            {
                throw Callers.Forbidden("only an administrator confirms a reclaim: it releases other projects' cards", "role", caller.Role);
            }
            return TypedResults.Ok(await assignments.ConfirmReclaimAsync(node, policy, Metadata.From(caller, "ConfirmLeakReclaim", null), ct));
        });
        return api;
    }
}
