using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Hosting.Resources;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Handlers;

namespace Mesh.Vpc.Service.Api;

// PUT (apply: create or update), GET one, GET list and DELETE of one kind, under
// /apis/{group}/{version}/{plural}. Writes need the admin role; reads any valid token.
internal static class ResourceEndpoints
{
    public static RouteGroupBuilder Map<TSpec>(RouteGroupBuilder apis, ResourceKind<TSpec> kind) where TSpec : class, new()
    {
        var group = apis.MapGroup($"/{kind.ApiVersion}/{kind.Plural}").WithTags(kind.Kind);
        group.MapPut("/{name}", (string name, HttpContext http, TopologyService topology, CancellationToken ct) =>
            ApplyAsync(kind, name, http, topology, ct));
        group.MapGet("/{name}", (string name, DateTimeOffset? asOf, HttpContext http, TopologyService topology, EventSourcing.EventStore store,
            CancellationToken ct) => asOf is { } at ? GetAsOfAsync(kind, name, at, http, store, ct) : GetAsync(kind, name, http, topology, ct));
        group.MapGet("", (HttpContext http, TopologyService topology, CancellationToken ct) => ListAsync(kind, http, topology, ct));
        if (kind.Delete is { } delete)
        {
            group.MapDelete("/{name}", (string name, HttpContext http, TopologyService topology, CancellationToken ct) =>
                DeleteAsync(kind, delete(name), name, http, topology, ct));
        }
        return group;
    }

    private static async Task<IResult> ApplyAsync<TSpec>(ResourceKind<TSpec> kind, string name, HttpContext http, TopologyService topology,
        CancellationToken ct) where TSpec : class, new()
    {
        var caller = MeshPrincipal.From(http.User);
        if (ApiSupport.RequireAdmin(caller, kind.Kind, name) is { } forbidden)
        {
            return MeshProblems.Problem(forbidden);
        }
        var document = await ResourceReader.ReadAsync(http.Request, ct);
        var spec = SpecBinder.Bind<TSpec>(document, kind.ApiVersion, kind.Kind, name);
        var expected = ApiSupport.ExpectedVersion(http.Request, document.Metadata);
        var outcome = await topology.SubmitAsync(kind.Apply(name, spec), ApiSupport.Metadata(http, caller), expected, ct);
        if (outcome.Decision.Error is { } error)
        {
            return MeshProblems.Problem(error);
        }
        if (kind.Settle is { } settle && await settle(name, http, ct) is { } settled)
        {
            return settled;
        }
        var created = outcome.Decision.Events.Any(e => e is VpcCreated or SubnetCreated or NatGatewayCreated);
        return created ? TypedResults.Created(http.Request.Path.Value, outcome.Result) : TypedResults.Ok(outcome.Result);
    }

    private static async Task<IResult> GetAsync<TSpec>(ResourceKind<TSpec> kind, string name, HttpContext http, TopologyService topology,
        CancellationToken ct) where TSpec : class, new()
    {
        var caller = MeshPrincipal.From(http.User);
        var (document, visible) = await topology.QueryAsync(s => (kind.RenderFor(s, name, caller), kind.Visible?.Invoke(s, name, caller) ?? true), ct);
        if (document is null)
        {
            return MeshProblems.Problem(kind.NotFound(name));
        }
        return visible ? TypedResults.Ok(document) : NotShared(kind, name, caller);
    }

    // SRE-2: the resource as it was at a past time, folded from the topology's events up to then; what the
    // caller may read is decided on that state too, as GET decides it on the current one.
    private static async Task<IResult> GetAsOfAsync<TSpec>(ResourceKind<TSpec> kind, string name, DateTimeOffset at, HttpContext http,
        EventSourcing.EventStore store, CancellationToken ct) where TSpec : class, new()
    {
        var (state, version) = await store.AggregateStreamAsync("topology", () => new Topology(), (t, e) =>
        {
            t.Apply(e);
            return t;
        }, asOf: at, ct: ct);
        var caller = MeshPrincipal.From(http.User);
        var document = kind.RenderFor(state, name, caller);
        return document is not null && !(kind.Visible?.Invoke(state, name, caller) ?? true)
            ? NotShared(kind, name, caller)
            : ResourceWriter.AsOfAnswer(kind.Kind, name, at, document, version);
    }

    private static IResult NotShared<TSpec>(ResourceKind<TSpec> kind, string name, MeshPrincipal caller) where TSpec : class, new() =>
        MeshProblems.Problem(new MeshError(ErrorCodes.Forbidden, $"{kind.Kind} '{name}' is not shared with project '{caller.Project}'",
            ErrorKind.Forbidden, "metadata.name", name));

    private static async Task<IResult> ListAsync<TSpec>(ResourceKind<TSpec> kind, HttpContext http, TopologyService topology, CancellationToken ct)
        where TSpec : class, new()
    {
        var caller = MeshPrincipal.From(http.User);
        var items = await topology.QueryAsync(s => kind.Names(s)
            .Where(n => kind.Visible?.Invoke(s, n, caller) ?? true)
            .Order(StringComparer.Ordinal)
            .Select(n => kind.RenderFor(s, n, caller)!)
            .ToArray(), ct);
        return TypedResults.Ok(ResourceWriter.List(kind.ApiVersion, kind.Kind, items));
    }

    private static async Task<IResult> DeleteAsync<TSpec>(ResourceKind<TSpec> kind, ITopologyCommand command, string name, HttpContext http,
        TopologyService topology, CancellationToken ct) where TSpec : class, new()
    {
        var caller = MeshPrincipal.From(http.User);
        if (ApiSupport.RequireAdmin(caller, kind.Kind, name) is { } forbidden)
        {
            return MeshProblems.Problem(forbidden);
        }
        var outcome = await topology.SubmitAsync(command, ApiSupport.Metadata(http, caller), ApiSupport.ExpectedVersion(http.Request, null), ct);
        return outcome.Decision.Error is { } error ? MeshProblems.Problem(error) : TypedResults.Ok(StatusDocument.Deleted(kind.ApiVersion.Split('/')[0], kind.Plural, name));
    }
}
