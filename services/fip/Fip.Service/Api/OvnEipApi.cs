using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.Contracts.Fip;
using Mesh.Fip.Domain.Errors;
using Mesh.Fip.Domain.Model;
using Mesh.Fip.Service.Handlers;
using Mesh.Fip.Service.Projections;
using Mesh.Hosting;
using Mesh.Hosting.Resources;

namespace Mesh.Fip.Service.Api;

// kubeovn.io/v1 OvnEip: PUT allocates a floating IP (FIP-2), DELETE releases it (FIP-7, ?cascade=true).
// The owner is the caller's project; an administrator may name another with the label mesh.io/project.
public static class OvnEipApi
{
    public const string ApiVersion = "kubeovn.io/v1";
    public const string Kind = "OvnEip";
    public const string ProjectLabel = "mesh.io/project";

    public static void Map(RouteGroupBuilder api)
    {
        var eips = api.MapGroup("/apis/kubeovn.io/v1/ovn-eips");
        eips.MapPut("/{name}", async (string name, HttpContext http, AllocationHandler handler, Catalog catalog) =>
        {
            var doc = await ResourceReader.ReadAsync(http.Request, http.RequestAborted);
            var spec = SpecBinder.Bind<OvnEipSpec>(doc, ApiVersion, Kind, name);
            if (spec.Type is { } type && type != "nat")
            {
                throw Unsupported("type", type, "only type nat (a floating IP for eip, snat and dnat rules) is served here");
            }
            // macAddress is written by Kube-OVN's controller and comes back in an exported document: accepted, not used
            // (here the gateway answers for a floating IP). An IPv6 address is a value this platform forbids.
            if (!string.IsNullOrEmpty(spec.V6Ip))
            {
                throw Unsupported("v6Ip", spec.V6Ip, "floating IP pools are IPv4; omit it");
            }
            var caller = Caller.Http(http);
            var project = caller.Admin && doc.Metadata.Labels?.GetValueOrDefault(ProjectLabel) is { Length: > 0 } p ? p : caller.Project;
            var result = await handler.AllocateAsync(caller, new AllocateFip
            {
                Project = project, Name = name, ExternalSubnet = spec.ExternalSubnet ?? "", V4Ip = spec.V4Ip,
            });
            return TypedResults.Ok(await DocumentAsync(catalog, result.Name, caller));
        });
        eips.MapGet("/{name}", async Task<IResult> (string name, DateTimeOffset? asOf, HttpContext http, Catalog catalog, PoolsAsOf history) =>
        {
            var caller = Caller.Http(http);
            if (asOf is not { } at)
            {
                return TypedResults.Ok(await DocumentAsync(catalog, name, caller));
            }
            var then = await history.FindAsync(at, s => s.Fip(name) is not null);
            return ResourceWriter.AsOfAnswer(Kind, name, at, then is { State: var s }
                ? Document(Visible(s.Fip(name)!, caller), s.Pool!.ExternalNetworkId, s.Pool.Name, s.RulesOf(name))
                : null, then?.Version ?? 0);
        });
        eips.MapGet("/", async (HttpContext http, Catalog catalog) =>
        {
            var caller = Caller.Http(http);
            var items = new List<JsonObject>();
            foreach (var fip in await catalog.FipsAsync(caller.Admin ? null : caller.Project))
            {
                items.Add(await DocumentAsync(catalog, fip.Name, caller));
            }
            return TypedResults.Ok(ResourceWriter.List(ApiVersion, Kind, items));
        });
        eips.MapDelete("/{name}", async (string name, bool? cascade, HttpContext http, AllocationHandler handler, Catalog catalog) =>
        {
            var caller = Caller.Http(http);
            var fip = await catalog.FipAsync(name) ?? throw new MeshException(FipErrors.FipNotFound(name));
            var result = await handler.ReleaseAsync(caller, new ReleaseFip { Project = caller.Admin ? fip.Project : caller.Project, Name = name, Cascade = cascade ?? false });
            return TypedResults.Ok(result);
        });
    }

    private static async Task<JsonObject> DocumentAsync(Catalog catalog, string name, Caller caller)
    {
        var row = await catalog.FipAsync(name) ?? throw new MeshException(FipErrors.FipNotFound(name));
        var fip = Visible(new FloatingIp(row.Name, row.Project, row.Address, row.IdempotencyKey), caller);
        var pool = (await catalog.PoolAsync(row.ExternalNetworkId))!;
        return Document(fip, row.ExternalNetworkId, pool.Name, await catalog.RulesOfAsync(fip.Name));
    }

    private static FloatingIp Visible(FloatingIp fip, Caller caller) =>
        caller.CanActOn(fip.Project) ? fip : throw new MeshException(FipErrors.Forbidden(fip.Name, fip.Project, caller.Project));

    private static JsonObject Document(FloatingIp fip, string externalNetworkId, string poolName, IEnumerable<NatRule> rules)
    {
        var kinds = rules.Select(r => r.Kind == RuleKind.Eip ? "fip" : r.Kind.ToString().ToLowerInvariant());
        var spec = new OvnEipSpec { ExternalSubnet = poolName, Type = "nat", V4Ip = fip.Address };
        var status = new OvnEipStatus(true, fip.Address, "nat", string.Join(",", kinds.Distinct().Order()), fip.Project, externalNetworkId);
        var meta = new ObjectMeta { Name = fip.Name, Labels = new Dictionary<string, string> { [ProjectLabel] = fip.Project } };
        return ResourceWriter.Document(ApiVersion, Kind, meta, spec, status);
    }

    private static MeshException Unsupported(string field, string? value, string why) =>
        new(new MeshError(ErrorCodes.InvalidField, $"spec.{field} '{value}': {why}", ErrorKind.Invalid, $"spec.{field}", value));
}
