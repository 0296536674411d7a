using System.Diagnostics;
using Mesh.EventSourcing;
using Mesh.Hosting;

namespace Mesh.Fip.Service.Handlers;

// Who sent a command (HTTP token or bus message) and the ids that join its events (COMMON-4, COMMON-5).
public sealed record Caller(string Principal, string Project, bool Admin, Guid CorrelationId, Guid? CausationId = null)
{
    public static Caller Http(HttpContext http)
    {
        var p = MeshPrincipal.From(http.User);
        return new(p.Subject, p.Project, p.IsAdmin, Guid.NewGuid());
    }

    public static Caller Bus(string project, Guid? correlationId, Guid? messageId, string principal = "bus") =>
        new(principal, project, false, correlationId ?? Guid.NewGuid(), messageId);

    public bool CanActOn(string? project) => Admin || string.Equals(project, Project, StringComparison.Ordinal);

    public EventMetadata Metadata(string commandType, string? reason = null) =>
        new(Principal, CorrelationId, CausationId, commandType, reason, Project, Activity.Current?.Id);
}
