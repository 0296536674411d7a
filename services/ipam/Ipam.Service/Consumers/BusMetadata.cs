using MassTransit;
using Mesh.EventSourcing;
using Mesh.Messaging;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>COMMON-4 for bus commands: who sent it (the mesh-principal header, else the sender's address), correlation, causation.</summary>
public static class BusMetadata
{
    public static EventMetadata From(ConsumeContext context, string? project = null) => new(
        context.Headers.Get<string>(MeshHeaders.Principal) ?? (context.SourceAddress is { } source ? "bus:" + source.AbsolutePath.Trim('/') : "bus"),
        context.CorrelationId ?? context.MessageId ?? Guid.NewGuid(),
        context.MessageId,
        null,
        null,
        project,
        System.Diagnostics.Activity.Current?.Id);
}
