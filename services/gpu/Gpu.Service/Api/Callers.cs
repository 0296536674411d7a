using Mesh.Contracts;
using Mesh.Hosting;

namespace Mesh.Gpu.Service.Api;

/// <summary>Who may do what (COMMON-5): node agents report inventory, projects use their own GPUs, admins everything.</summary>
public static class Callers
{
    public const string NodeRole = "node";

    public static MeshPrincipal NodeAgentOrAdmin(HttpContext http)
    {
        var caller = MeshPrincipal.From(http.User);
        return caller.IsAdmin || caller.Role == NodeRole
            ? caller
            : throw Forbidden($"role '{caller.Role}' may not report GPU inventory or health; a node agent (role node) or an admin may", "role", caller.Role);
    }

    public static MeshPrincipal Admin(HttpContext http)
    {
        var caller = MeshPrincipal.From(http.User);
        return caller.IsAdmin ? caller : throw Forbidden("only an administrator sets GPU quotas", "role", caller.Role);
    }

    public static MeshPrincipal ActingOn(HttpContext http, string? project)
    {
        var caller = MeshPrincipal.From(http.User);
        return caller.CanActOn(project)
            ? caller
            : throw Forbidden($"project '{caller.Project}' may not act on project '{project}'", "project", project);
    }

    /// <summary>
    /// COMMON-6: which projects' pods the caller may see on a node. Administrators and node agents see every pod;
    /// a member sees its own project's, and only the capacity the others use.
    /// </summary>
    public static Func<string?, bool> Sees(HttpContext http)
    {
        var caller = MeshPrincipal.From(http.User);
        return caller.IsAdmin || caller.Role == NodeRole ? _ => true : project => caller.CanActOn(project);
    }

    public static MeshException Forbidden(string message, string field, string? value) =>
        new(new MeshError(ErrorCodes.Forbidden, message, ErrorKind.Forbidden, field, value));
}
