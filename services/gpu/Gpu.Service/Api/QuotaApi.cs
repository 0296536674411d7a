using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.EventSourcing.Actors;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Handlers;
using Mesh.Hosting;
using Mesh.Hosting.Resources;

namespace Mesh.Gpu.Service.Api;

/// <summary><c>/apis/gpu.mesh.io/v1/gpuquotas/{project}</c>: per-project card limits set by an admin (GPU-6).</summary>
public static class QuotaApi
{
    private const string Kind = "GpuQuota";

    public static RouteGroupBuilder MapQuotas(this RouteGroupBuilder api)
    {
        api.MapPut("/gpuquotas/{project}", async (string project, HttpContext http, KeyedWriter<GpuQuota, object, QuotaUsage> quotas,
            CancellationToken ct) =>
        {
            var caller = Callers.Admin(http);
            var doc = await ResourceReader.ReadAsync(http.Request, ct);
            var spec = SpecBinder.Bind<GpuQuotaSpec>(doc, Bodies.ApiVersion, Kind, project);
            var outcome = await quotas.SubmitAsync(project, new SetGpuQuota(project, spec.Hard ?? []),
                Metadata.From(caller, nameof(SetGpuQuota), project), ct);
            return outcome.Decision.Error is { } error ? (IResult)MeshProblems.Problem(error) : TypedResults.Ok(Document(outcome.Result));
        });

        api.MapGet("/gpuquotas/{project}", async (string project, DateTimeOffset? asOf, HttpContext http,
            KeyedWriter<GpuQuota, object, QuotaUsage> quotas, CancellationToken ct) =>
        {
            Callers.ActingOn(http, project);
            if (DnsName.Check(project, "project") is { } bad)
            {
                return MeshProblems.Problem(bad);
            }
            if (asOf is { } at)
            {
                // SRE-2: limits and reservations as they were, folded from the project's quota stream up to then.
                var (then, version) = await quotas.AsOfAsync(project, at, ct);
                return ResourceWriter.AsOfAnswer(Kind, project, at, version == 0 ? null : Document(QuotaUsage.Of(then)), version);
            }
            return TypedResults.Ok(Document(await quotas.QueryAsync(project, QuotaUsage.Of, ct)));
        });
        return api;
    }

    private static JsonObject Document(QuotaUsage usage) => ResourceWriter.Document(Bodies.ApiVersion, Kind,
        new ObjectMeta { Name = usage.Project }, new GpuQuotaSpec { Hard = new Dictionary<string, long>(usage.Hard) },
        new { hard = usage.Hard, used = usage.Used });
}
