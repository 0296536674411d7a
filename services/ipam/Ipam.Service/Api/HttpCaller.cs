using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.Hosting;

namespace Mesh.Ipam.Service.Api;

/// <summary>The HTTP caller as event metadata (COMMON-4) and the COMMON-5 project check.</summary>
public static class HttpCaller
{
    public static EventMetadata Metadata(HttpContext http, string? project)
    {
        var caller = MeshPrincipal.From(http.User);
        var correlation = Guid.TryParse(http.Request.Headers["X-Correlation-Id"].ToString(), out var id) ? id : Guid.NewGuid();
        return new EventMetadata(caller.Subject, correlation, null, null, null, project, System.Diagnostics.Activity.Current?.Id);
    }

    /// <summary>Null when the caller may act on <paramref name="project"/>, else the Forbidden refusal.</summary>
    public static MeshError? Check(HttpContext http, string? project)
    {
        var caller = MeshPrincipal.From(http.User);
        return caller.CanActOn(project)
            ? null
            : new MeshError(ErrorCodes.Forbidden, $"project '{caller.Project}' may not act on project '{project}'",
                ErrorKind.Forbidden, "project", project, "act within your own project, or as a platform administrator");
    }

    public static bool Sees(HttpContext http, string project) => MeshPrincipal.From(http.User).CanActOn(project);
}
