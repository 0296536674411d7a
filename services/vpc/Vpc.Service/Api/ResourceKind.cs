using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Api;

// One cluster-scoped kind of the resource API: how its spec becomes a command, how it is shown,
// listed, found missing, who may see it and (optionally) how it is deleted.
internal sealed record ResourceKind<TSpec>(
    string ApiVersion,
    string Kind,
    string Plural,
    Func<string, TSpec, ITopologyCommand> Apply,
    Func<Topology, string, JsonObject?> Render,
    Func<Topology, IEnumerable<string>> Names,
    Func<string, MeshError> NotFound,
    Func<string, ITopologyCommand>? Delete = null,
    Func<Topology, string, MeshPrincipal, bool>? Visible = null)
    where TSpec : class, new();
