using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.Fip.Service.Handlers;
using Mesh.Hosting;
using Mesh.Hosting.Resources;

namespace Mesh.Fip.Service.Api;

// neutron.io/v1 Fip (fips.neutron.io): the container FIP pool of an external network. Cluster-scoped;
// anyone may read which addresses are free, only the administrator writes.
public static class FipPoolApi
{
    public const string ApiVersion = "neutron.io/v1";
    public const string Kind = "Fip";

    public static void Map(RouteGroupBuilder api)
    {
        var fips = api.MapGroup("/apis/neutron.io/v1/fips");
        fips.MapPut("/{name}", async (string name, HttpContext http, PoolHandler pools) =>
        {
            var doc = await ResourceReader.ReadAsync(http.Request, http.RequestAborted);
            var spec = SpecBinder.Bind<FipPoolSpec>(doc, ApiVersion, Kind, name);
            var caller = Caller.Http(http);
            var ext = await pools.DefineAsync(caller, name, spec);
            return TypedResults.Ok(await DocumentAsync(pools, ext, caller));
        });
        fips.MapGet("/{name}", async Task<IResult> (string name, DateTimeOffset? asOf, HttpContext http, PoolHandler pools, PoolsAsOf history) =>
        {
            var caller = Caller.Http(http);
            if (asOf is not { } at)
            {
                return TypedResults.Ok(await DocumentAsync(pools, name, caller));
            }
            var then = await history.FindAsync(at, s => s.Matches(name));
            return ResourceWriter.AsOfAnswer(Kind, name, at, then is { } t ? Document(PoolHandler.View(t.State, caller)) : null, then?.Version ?? 0);
        });
        fips.MapGet("/", async (HttpContext http, PoolHandler pools, Projections.Catalog catalog) =>
        {
            var caller = Caller.Http(http);
            var items = new List<JsonObject>();
            foreach (var pool in await catalog.PoolsAsync())
            {
                items.Add(await DocumentAsync(pools, pool.ExternalNetworkId, caller));
            }
            return TypedResults.Ok(ResourceWriter.List(ApiVersion, Kind, items));
        });
    }

    private static async Task<JsonObject> DocumentAsync(PoolHandler pools, string nameOrId, Caller caller) =>
        Document(await pools.ViewAsync(nameOrId, caller) ?? throw new MeshException(new MeshError(ErrorCodes.NotFound,
            $"Fip pool '{nameOrId}' does not exist", ErrorKind.NotFound, "metadata.name", nameOrId, "list the pools: GET /apis/neutron.io/v1/fips")));

    private static JsonObject Document((string Name, FipPoolSpec Spec, FipPoolStatus Status) view) =>
        ResourceWriter.Document(ApiVersion, Kind, new ObjectMeta { Name = view.Name }, view.Spec, view.Status);
}
