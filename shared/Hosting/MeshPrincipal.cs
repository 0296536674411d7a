using System.Security.Claims;

namespace Mesh.Hosting;

/// <summary>
/// The caller: subject, project and role (DOMAIN.md COMMON-5). An admin may act on every project;
/// anyone else only on their own.
/// </summary>
public sealed record MeshPrincipal(string Subject, string Project, string Role)
{
    /// <summary>The role of platform administrators.</summary>
    public const string AdminRole = "admin";

    /// <summary>The role of node agents: they report their node's inventory and live pods.</summary>
    public const string NodeRole = "node";

    /// <summary>Is this a platform administrator?</summary>
    public bool IsAdmin => Role == AdminRole;

    /// <summary>May the caller act on resources of <paramref name="project"/>?</summary>
    public bool CanActOn(string? project) => IsAdmin || string.Equals(project, Project, StringComparison.Ordinal);

    /// <summary>The principal carried by an authenticated request.</summary>
    public static MeshPrincipal From(ClaimsPrincipal user) => new(
        user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "anonymous",
        user.FindFirst("project")?.Value ?? "",
        user.FindFirst("role")?.Value ?? user.FindFirst(ClaimTypes.Role)?.Value ?? "member");
}
