using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Hosting;
using Mesh.Hosting.Resources;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Api.Documents;
using Mesh.Sriov.Service.Handlers;
using Mesh.Sriov.Service.Publishing;

namespace Mesh.Sriov.Service.Api;

/// `SriovNetworkNodeState`: node agents PUT `status` (and the node's labels in metadata.labels);
/// `spec` answers with the desired configuration (SRIOV-1, SRIOV-5).
public static class NodeStateApi
{
    private const string Kind = "SriovNetworkNodeState";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/sriovnetworknodestates/{name}", async Task<IResult> (string ns, string name, HttpContext http, NodeHandler nodes, CancellationToken ct) =>
        {
            if (ApiAccess.RequireAgent(http, $"{Kind} {name}") is { } forbidden)
            {
                return forbidden;
            }
            var doc = await ResourceReader.ReadAsync(http.Request, ct);
            SpecBinder.Bind<NodeStateSpecDocument>(doc, ApiAccess.ApiVersion, Kind, name, ns);
            if (doc.Status is not { ValueKind: JsonValueKind.Object } raw)
            {
                return MeshProblems.Problem(SriovErrors.Missing("status", "report the node's interfaces and syncStatus under status"));
            }
            var status = SpecBinder.BindElement<NodeStateStatusDocument>(raw, "status").ToDomain();
            var (view, error) = await nodes.ReportAsync(name, doc.Metadata.Labels, status, Meta.FromHttp(http, nameof(ReportNodeState)), ct);
            return error is not null ? MeshProblems.Problem(error) : TypedResults.Ok(Document(ns, view!));
        });
        api.MapGet("/sriovnetworknodestates/{name}", async Task<IResult> (string ns, string name, DateTimeOffset? asOf, HttpContext http, NodeHandler nodes,
            CancellationToken ct) =>
        {
            var view = asOf is { } at ? await nodes.ViewAsOfAsync(name, at, ct) : await nodes.ViewAsync(name, ct);
            return ApiAccess.Found(Kind, ns, name, asOf, view is null ? null : Document(ns, view, ApiAccess.Sees(http)), view?.Version ?? 0);
        });
        api.MapGet("/sriovnetworknodestates", async Task<IResult> (string ns, HttpContext http, NodeHandler nodes, CancellationToken ct) =>
        {
            var sees = ApiAccess.Sees(http);
            return TypedResults.Ok(ResourceWriter.List(ApiAccess.ApiVersion, Kind, (await nodes.ListAsync(ct)).Select(v => Document(ns, v, sees))));
        });
    }

    // COMMON-6: a member sees its own project's pods among the allocated VFs, and how many VFs the others hold.
    private static JsonObject Document(string ns, NodeView view, Func<string?, bool>? sees = null)
    {
        sees ??= _ => true;
        var meta = new ObjectMeta { Name = view.Name, Namespace = ns, Labels = view.Labels, ResourceVersion = view.Version.ToString() };
        var spec = new { interfaces = view.Desired.Select(PodVfs.Pf).ToList() };
        var status = new
        {
            interfaces = view.Interfaces,
            syncStatus = view.SyncStatus,
            reconfiguringInterfaces = view.PendingPfs,
            allocatedVfs = view.Allocations.Where(a => sees(a.Project))
                .SelectMany(a => a.Vfs.Select(vf => new { podUid = a.PodUid, pod = $"{a.Namespace}/{a.Name}", vf = vf.VfPciAddress })).ToList(),
            vfsHeldByOtherProjects = view.Allocations.Where(a => !sees(a.Project)).Sum(a => a.Vfs.Count),
        };
        return ResourceWriter.Document(ApiAccess.ApiVersion, Kind, meta, spec, status);
    }
}
