using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Hosting.Resources;
using Mesh.Sriov.Domain;
using Mesh.Sriov.Service.Api.Documents;
using Mesh.Sriov.Service.Handlers;
using Mesh.Sriov.Service.Streams;

namespace Mesh.Sriov.Service.Api;

/// `SriovNetworkNodePolicy` resources (SRIOV-2..5).
public static class PolicyApi
{
    private const string Kind = "SriovNetworkNodePolicy";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/sriovnetworknodepolicies/{name}", async Task<IResult> (string ns, string name, HttpContext http, ConfigHandler config, NodeHandler nodes, CancellationToken ct) =>
        {
            if (ApiAccess.RequireAdmin(http, $"{Kind} {name}") is { } forbidden)
            {
                return forbidden;
            }
            var doc = await ResourceReader.ReadAsync(http.Request, ct);
            var spec = SpecBinder.Bind<PolicySpecDocument>(doc, ApiAccess.ApiVersion, Kind, name, ns);
            var policy = new SriovNetworkNodePolicy(name, ns, spec.ToDomain());
            var (snapshot, decision) = await config.SubmitAsync(new ApplyPolicy(policy), name, Meta.FromHttp(http, nameof(ApplyPolicy)), ct);
            if (decision.Error is { } error)
            {
                return MeshProblems.Problem(error);
            }
            return TypedResults.Ok(await DocumentAsync(snapshot, snapshot.Policy(name)!, nodes, ct));
        });
        api.MapGet("/sriovnetworknodepolicies/{name}", async Task<IResult> (string ns, string name, ConfigHandler config, NodeHandler nodes, CancellationToken ct) =>
        {
            var snapshot = await config.SnapshotAsync(ct);
            return snapshot.Policy(name) is { } p && p.Namespace == ns
                ? TypedResults.Ok(await DocumentAsync(snapshot, p, nodes, ct))
                : ApiAccess.NotFound(Kind, ns, name);
        });
        api.MapGet("/sriovnetworknodepolicies", async Task<IResult> (string ns, ConfigHandler config, NodeHandler nodes, CancellationToken ct) =>
        {
            var snapshot = await config.SnapshotAsync(ct);
            var items = new List<System.Text.Json.Nodes.JsonObject>();
            foreach (var p in snapshot.Policies.Where(p => p.Namespace == ns).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                items.Add(await DocumentAsync(snapshot, p, nodes, ct));
            }
            return TypedResults.Ok(ResourceWriter.List(ApiAccess.ApiVersion, Kind, items));
        });
        api.MapDelete("/sriovnetworknodepolicies/{name}", async Task<IResult> (string ns, string name, HttpContext http, ConfigHandler config, CancellationToken ct) =>
        {
            if (ApiAccess.RequireAdmin(http, $"{Kind} {name}") is { } forbidden)
            {
                return forbidden;
            }
            if ((await config.SnapshotAsync(ct)).Policy(name) is not { } existing || existing.Namespace != ns)
            {
                return ApiAccess.NotFound(Kind, ns, name);
            }
            var (_, decision) = await config.SubmitAsync(new DeletePolicy(name), name, Meta.FromHttp(http, nameof(DeletePolicy)), ct);
            return decision.Error is { } error ? MeshProblems.Problem(error) : TypedResults.Ok(new { kind = "Status", status = "Success", name });
        });
    }

    private static async Task<System.Text.Json.Nodes.JsonObject> DocumentAsync(ConfigSnapshot snapshot, SriovNetworkNodePolicy policy, NodeHandler nodes, CancellationToken ct)
    {
        var matched = new List<object>();
        foreach (var node in await nodes.InventoriesAsync(ct))
        {
            var pfs = PolicyPlanner.MatchedPfs(policy, node);
            if (pfs.Count > 0)
            {
                matched.Add(new { node = node.Node, interfaces = pfs.Select(pf => pf.PciAddress).ToList() });
            }
        }
        var meta = new ObjectMeta { Name = policy.Name, Namespace = policy.Namespace, ResourceVersion = snapshot.Version.ToString() };
        var status = new
        {
            matchedNodes = matched,
            message = matched.Count == 0 ? "PolicyMatchedNoDevices: no reported interface matches; the policy changes nothing" : null,
        };
        return ResourceWriter.Document(ApiAccess.ApiVersion, Kind, meta, PolicySpecDocument.From(policy.Spec), status);
    }
}
