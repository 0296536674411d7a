using System.Diagnostics;
using Mesh.Contracts;
using Mesh.EventSourcing;
using Mesh.Hosting;
using Mesh.Hosting.Resources;

namespace Mesh.Vpc.Service.Api;

internal static class ApiSupport
{
    // Topology is cluster infrastructure: only the platform administrator changes it (COMMON-5).
    public static MeshError? RequireAdmin(MeshPrincipal caller, string kind, string name) => caller.IsAdmin
        ? null
        : new MeshError(ErrorCodes.Forbidden,
            $"only a platform administrator may change {kind} '{name}'; '{caller.Subject}' has the role '{caller.Role}'",
            ErrorKind.Forbidden, "metadata.name", name, "use a token with the admin role");

    // COMMON-4: who, in what correlation and trace, for which project.
    public static EventMetadata Metadata(HttpContext http, MeshPrincipal caller) =>
        new(caller.Subject, CorrelationOf(http), null, null, null, caller.Project, Activity.Current?.Id);

    // If-Match (an ETag or a bare number) wins over metadata.resourceVersion; "*" or nothing: any version.
    public static long? ExpectedVersion(HttpRequest request, ObjectMeta? metadata)
    {
        var header = request.Headers.IfMatch.FirstOrDefault();
        var text = string.IsNullOrWhiteSpace(header) ? metadata?.ResourceVersion : header;
        if (string.IsNullOrWhiteSpace(text) || text.Trim() == "*")
        {
            return null;
        }
        var bare = text.Trim();
        bare = (bare.StartsWith("W/", StringComparison.Ordinal) ? bare[2..] : bare).Trim('"');
        return long.TryParse(bare, out var version) && version >= 0
            ? version
            : throw new MeshException(new MeshError(ErrorCodes.InvalidField, $"resourceVersion '{text}' is not a version number",
                ErrorKind.Invalid, "metadata.resourceVersion", text, "send back the resourceVersion of the document you read"));
    }

    private static Guid CorrelationOf(HttpContext http) =>
        Guid.TryParse(http.Request.Headers["X-Correlation-Id"].FirstOrDefault(), out var id) ? id : Guid.NewGuid();
}
