using Mesh.Contracts.Gpu;
using Mesh.Gpu.Domain;
using Mesh.Gpu.Service.Handlers;
using Mesh.Gpu.Service.Projections;
using Mesh.Hosting;
using Mesh.Hosting.Resources;

namespace Mesh.Gpu.Service.Api;

/// <summary><c>/apis/gpu.mesh.io/v1/gpunodes</c>: inventory reported by node agents (GPU-1) and device health (GPU-11).</summary>
public static class GpuNodeApi
{
    public static RouteGroupBuilder MapGpuNodes(this RouteGroupBuilder api)
    {
        api.MapPut("/gpunodes/{name}", async (string name, HttpContext http, GpuNodes nodes, CancellationToken ct) =>
        {
            var caller = Callers.NodeAgentOrAdmin(http);
            var doc = await ResourceReader.ReadAsync(http.Request, ct);
            Bodies.CheckEnvelope(doc, GpuNodeDocuments.Kind, name);
            var spec = Bodies.Spec<GpuNodeSpec>(doc);
            var accepted = await nodes.ReportAsync(new ReportGpuInventory
            {
                Node = name,
                Arch = spec.Arch!,
                Labels = spec.Labels ?? [],
                Taints = spec.Taints ?? [],
                Devices = spec.Devices ?? [],
            }, Metadata.From(caller, nameof(ReportGpuInventory)), ct);
            var node = await nodes.GetAsync(name, ct);
            return TypedResults.Ok(GpuNodeDocuments.Of(node!, accepted.AffectedPodUids));
        });

        api.MapGet("/gpunodes/{name}", async (string name, DateTimeOffset? asOf, HttpContext http, GpuNodes nodes, CancellationToken ct) =>
        {
            var sees = Callers.Sees(http);
            if (asOf is { } at)
            {
                var then = await nodes.GetAsOfAsync(name, at, ct);
                return ResourceWriter.AsOfAnswer(GpuNodeDocuments.Kind, name, at, then is { } t ? GpuNodeDocuments.Of(t.Node, sees: sees) : null,
                    then?.Version ?? 0);
            }
            return await nodes.GetAsync(name, ct) is { } node
                ? TypedResults.Ok(GpuNodeDocuments.Of(node, sees: sees))
                : MeshProblems.Problem(GpuErrors.NodeNotFound(name));
        });

        api.MapGet("/gpunodes", async (HttpContext http, ClusterView view, CancellationToken ct) =>
        {
            var sees = Callers.Sees(http);
            return TypedResults.Ok(ResourceWriter.List(Bodies.ApiVersion, GpuNodeDocuments.Kind,
                (await view.NodesAsync(ct: ct)).Select(n => GpuNodeDocuments.Of(n, sees: sees))));
        });

        api.MapPut("/gpunodes/{name}/devices/{index:int}/health", async (string name, int index, HttpContext http, GpuNodes nodes,
            CancellationToken ct) =>
        {
            var caller = Callers.NodeAgentOrAdmin(http);
            var body = await Bodies.ReadAsync<DeviceHealthBody>(http.Request, ct);
            if (body.Healthy is not { } healthy)
            {
                throw new MeshException(GpuErrors.InvalidRequest("healthy", null, "say whether the card is healthy (true or false)"));
            }
            return TypedResults.Ok(await nodes.HealthAsync(new ReportGpuDeviceHealth(name, index, healthy, body.Reason ?? ""),
                Metadata.From(caller, nameof(ReportGpuDeviceHealth)), ct));
        });
        return api;
    }
}
