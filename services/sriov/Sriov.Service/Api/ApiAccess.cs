using System.Text.Json.Nodes;
using Mesh.Contracts;
using Mesh.Hosting;
using Mesh.Hosting.Resources;

namespace Mesh.Sriov.Service.Api;

/// Who may write what (COMMON-5): policies and networks configure shared hardware, so only platform
/// administrators write them; node states come from node agents; anyone authenticated reads.
public static class ApiAccess
{
    public const string ApiVersion = "sriovnetwork.openshift.io/v1";
    public const string NodeAgentRole = MeshPrincipal.NodeRole;

    public static IResult? RequireAdmin(HttpContext http, string what) =>
        MeshPrincipal.From(http.User).IsAdmin ? null : Forbidden(http, what, "only a platform administrator (role admin) may change it");

    public static IResult? RequireAgent(HttpContext http, string what)
    {
        var caller = MeshPrincipal.From(http.User);
        return caller.IsAdmin || caller.Role == NodeAgentRole ? null : Forbidden(http, what, "only a node agent (role node-agent) or an administrator may report it");
    }

    public static IResult? RequireProject(HttpContext http, string project)
    {
        var caller = MeshPrincipal.From(http.User);
        return caller.CanActOn(project) ? null : MeshProblems.Problem(new MeshError(ErrorCodes.Forbidden,
            $"project '{caller.Project}' may not act on project '{project}'", ErrorKind.Forbidden, "project", project,
            "use a token of the pod's project, or an administrator's"));
    }

    /// COMMON-6: whose pods the caller may see (administrators and node agents every pod's, a member its project's).
    public static Func<string?, bool> Sees(HttpContext http)
    {
        var caller = MeshPrincipal.From(http.User);
        return caller.IsAdmin || caller.Role == NodeAgentRole ? _ => true : project => project is not null && caller.CanActOn(project);
    }

    public static IResult NotFound(string kind, string ns, string name) => MeshProblems.Problem(new MeshError(ErrorCodes.NotFound,
        $"{kind} '{name}' does not exist in namespace {ns}", ErrorKind.NotFound, "metadata.name", name));

    /// A GET's answer: the document or 404; with `asOf` (SRE-2) the document folded to then, marked with the
    /// stream version it was folded to, or 404 when the resource did not exist then.
    public static IResult Found(string kind, string ns, string name, DateTimeOffset? asOf, JsonObject? document, long version) =>
        asOf is { } at ? ResourceWriter.AsOfAnswer(kind, name, at, document, version)
        : document is null ? NotFound(kind, ns, name)
        : TypedResults.Ok(document);

    private static IResult Forbidden(HttpContext http, string what, string why) => MeshProblems.Problem(new MeshError(ErrorCodes.Forbidden,
        $"{MeshPrincipal.From(http.User).Subject} may not change {what}: {why}", ErrorKind.Forbidden, "role", MeshPrincipal.From(http.User).Role));
}
