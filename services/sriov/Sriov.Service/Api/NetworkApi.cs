using System.Text.Json.Nodes;
using Mesh.Contracts.Sriov;
using Mesh.Hosting;
using Mesh.Hosting.Resources;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Api.Documents;
using Mesh.Sriov.Service.Handlers;
using Mesh.Sriov.Service.Streams;

namespace Mesh.Sriov.Service.Api;

/// `SriovNetwork` and `SriovIBNetwork` resources (SRIOV-6, SRIOV-7).
public static class NetworkApi
{
    public static void Map(RouteGroupBuilder api, string plural, SriovNetworkKind kind)
    {
        api.MapPut($"/{plural}/{{name}}", async Task<IResult> (string ns, string name, HttpContext http, ConfigHandler config, SriovSettings settings, CancellationToken ct) =>
        {
            if (ApiAccess.RequireAdmin(http, $"{kind} {name}") is { } forbidden)
            {
                return forbidden;
            }
            var doc = await ResourceReader.ReadAsync(http.Request, ct);
            var spec = SpecBinder.Bind<NetworkSpecDocument>(doc, ApiAccess.ApiVersion, kind.ToString(), name, ns).ToDomain();
            var (snapshot, decision) = await config.SubmitAsync(new ApplyNetwork(new SriovNetworkResource(kind, name, ns, spec)), null,
                Meta.FromHttp(http, nameof(ApplyNetwork)), ct);
            return decision.Error is { } error
                ? MeshProblems.Problem(error)
                : TypedResults.Ok(Document(snapshot, snapshot.Network(kind, ns, name)!, settings));
        });
        api.MapGet($"/{plural}/{{name}}", async Task<IResult> (string ns, string name, DateTimeOffset? asOf, ConfigHandler config, SriovSettings settings,
            CancellationToken ct) =>
        {
            var snapshot = await config.SnapshotAsync(asOf, ct);
            return ApiAccess.Found(kind.ToString(), ns, name, asOf,
                snapshot.Network(kind, ns, name) is { } n ? Document(snapshot, n, settings) : null, snapshot.Version);
        });
        api.MapGet($"/{plural}", async Task<IResult> (string ns, ConfigHandler config, SriovSettings settings, CancellationToken ct) =>
        {
            var snapshot = await config.SnapshotAsync(ct);
            var items = snapshot.Networks.Where(n => n.Kind == kind && n.Namespace == ns).OrderBy(n => n.Name, StringComparer.Ordinal)
                .Select(n => Document(snapshot, n, settings));
            return TypedResults.Ok(ResourceWriter.List(ApiAccess.ApiVersion, kind.ToString(), items));
        });
        api.MapDelete($"/{plural}/{{name}}", async Task<IResult> (string ns, string name, HttpContext http, ConfigHandler config, CancellationToken ct) =>
        {
            if (ApiAccess.RequireAdmin(http, $"{kind} {name}") is { } forbidden)
            {
                return forbidden;
            }
            if ((await config.SnapshotAsync(ct)).Network(kind, ns, name) is null)
            {
                return ApiAccess.NotFound(kind.ToString(), ns, name);
            }
            var (_, decision) = await config.SubmitAsync(new DeleteNetwork(kind, ns, name), null, Meta.FromHttp(http, nameof(DeleteNetwork)), ct);
            return decision.Error is { } error ? MeshProblems.Problem(error) : TypedResults.Ok(new { kind = "Status", status = "Success", name });
        });
    }

    private static JsonObject Document(ConfigSnapshot snapshot, SriovNetworkResource network, SriovSettings settings)
    {
        var nad = NadRenderer.Render(network, settings);
        var status = new
        {
            networkAttachmentDefinition = new { name = nad.Name, @namespace = nad.Namespace, annotations = nad.Annotations, config = nad.Config },
            ipPool = NetworkPools.PoolOf(network),
        };
        var meta = new ObjectMeta { Name = network.Name, Namespace = network.Namespace, ResourceVersion = snapshot.Version.ToString() };
        return ResourceWriter.Document(ApiAccess.ApiVersion, network.Kind.ToString(), meta, NetworkSpecDocument.From(network.Spec), status);
    }
}
