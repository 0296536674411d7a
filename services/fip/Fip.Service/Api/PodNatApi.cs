using Mesh.Contracts.Fip;
using Mesh.Fip.Service.Handlers;
using Mesh.Hosting;

namespace Mesh.Fip.Service.Api;

// The pod path over HTTP: POST a pod (its annotations ovn.kubernetes.io/snat and /eip), DELETE when it goes.
public static class PodNatApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/api/v1/pod-nat", async (ApplyPodNat pod, HttpContext http, PodNatHandler handler) =>
            TypedResults.Ok(await handler.ApplyAsync(Caller.Http(http), Validate(pod))));
        api.MapDelete("/api/v1/pod-nat/{podUid}", async (string podUid, string? project, HttpContext http, PodNatHandler handler) =>
        {
            var caller = Caller.Http(http);
            return TypedResults.Ok(await handler.ReleaseAsync(caller, new ReleasePodNat { Project = project ?? caller.Project, PodUid = podUid }));
        });
    }

    private static ApplyPodNat Validate(ApplyPodNat pod) =>
        string.IsNullOrWhiteSpace(pod.PodUid)
            ? throw new MeshException(TargetResolver.Missing("podUid", "the pod's uid (the idempotency key of its rules)"))
            : pod;
}
