using System.Diagnostics;
using MassTransit;
using Mesh.EventSourcing;
using Mesh.Hosting;
using Mesh.Messaging;

namespace Mesh.Gpu.Service.Handlers;

/// <summary>COMMON-4: who caused an event and why, from the HTTP caller or the bus message.</summary>
public static class Metadata
{
    public static EventMetadata From(MeshPrincipal caller, string commandType, string? project = null) =>
        new(caller.Subject, Guid.NewGuid(), null, commandType, null, project ?? caller.Project, Activity.Current?.Id);

    public static EventMetadata From(ConsumeContext context, string commandType, string? project = null) =>
        new(context.Headers.Get<string>(MeshHeaders.Principal) ?? "bus", context.CorrelationId ?? context.MessageId ?? Guid.NewGuid(),
            context.MessageId, commandType, null, project, Activity.Current?.Id);
}
