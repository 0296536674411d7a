using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Api;

// One cluster-scoped kind of the resource API: how its spec becomes a command, how it is shown,
// listed, found missing, who may see it, (optionally) how it is deleted, and how an apply waits for a
// saga it started before answering (Settle: null answers at once).
internal sealed record ResourceKind<TSpec>(
    string ApiVersion,
    string Kind,
    string Plural,
    Func<string, TSpec, ITopologyCommand> Apply,
    Func<Topology, string, JsonObject?> Render,
    Func<Topology, IEnumerable<string>> Names,
    Func<string, MeshError> NotFound,
    Func<string, ITopologyCommand>? Delete = null,
    Func<Topology, string, MeshPrincipal, bool>? Visible = null,
    Func<Topology, JsonObject, MeshPrincipal, JsonObject>? Redact = null,
    Func<string, HttpContext, CancellationToken, Task<IResult?>>? Settle = null)
    where TSpec : class, new()
{
    /// <summary>The document as <paramref name="caller"/> may read it (COMMON-6): what other projects own is left out.</summary>
    public JsonObject? RenderFor(Topology state, string name, MeshPrincipal caller) =>
        Render(state, name) is { } document && Redact is { } redact ? redact(state, document, caller) : Render(state, name);
}
