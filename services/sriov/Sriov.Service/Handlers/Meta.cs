using System.Diagnostics;
using MassTransit;
using Mesh.EventSourcing;
using Mesh.Hosting;

namespace Mesh.Sriov.Service.Handlers;

/// COMMON-4: who and why, from the HTTP caller or the bus message.
public static class Meta
{
    public static EventMetadata FromHttp(HttpContext http, string commandType, string? project = null)
    {
        var caller = MeshPrincipal.From(http.User);
        return new EventMetadata(caller.Subject, Guid.NewGuid(), null, commandType, null, project ?? caller.Project, Activity.Current?.Id);
    }

    public static EventMetadata FromBus(ConsumeContext context, string commandType, string project) => new(
        "bus:" + (context.SourceAddress?.AbsolutePath.Trim('/') ?? "unknown"),
        context.CorrelationId ?? context.MessageId ?? Guid.NewGuid(),
        context.MessageId, commandType, null, project, Activity.Current?.Id);
}
