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
            return TypedResults.Ok(Document(snapshot, snapshot.Policy(name)!, await nodes.InventoriesAsync(ct)));
        });
        api.MapGet("/sriovnetworknodepolicies/{name}", async Task<IResult> (string ns, string name, DateTimeOffset? asOf, ConfigHandler config,
            NodeHandler nodes, CancellationToken ct) =>
        {
            // As of a past time, the nodes it matched are those reported by then (SRE-2).
            var snapshot = await config.SnapshotAsync(asOf, ct);
            return ApiAccess.Found(Kind, ns, name, asOf, snapshot.Policy(name) is { } p && p.Namespace == ns
                ? Document(snapshot, p, await nodes.InventoriesAsync(asOf, ct))
                : null, snapshot.Version);
        });
        api.MapGet("/sriovnetworknodepolicies", async Task<IResult> (string ns, ConfigHandler config, NodeHandler nodes, CancellationToken ct) =>
        {
            var snapshot = await config.SnapshotAsync(ct);
            var inventories = await nodes.InventoriesAsync(ct);
            var items = snapshot.Policies.Where(p => p.Namespace == ns).OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => Document(snapshot, p, inventories));
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

    private static System.Text.Json.Nodes.JsonObject Document(ConfigSnapshot snapshot, SriovNetworkNodePolicy policy, IEnumerable<NodeInventory> inventories)
    {
        var matched = new List<object>();
        foreach (var node in inventories)
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
