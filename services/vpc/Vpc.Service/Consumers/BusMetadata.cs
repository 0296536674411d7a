using MassTransit;
using Mesh.EventSourcing;
using Mesh.Messaging;

namespace Mesh.Vpc.Service.Consumers;

internal static class BusMetadata
{
    // COMMON-4 for work caused by another service's event: the cause is that message.
    public static EventMetadata From(ConsumeContext context, string reason) => new(
        context.Headers.Get<string>(MeshHeaders.Principal) ?? "ipam",
        context.CorrelationId ?? context.MessageId ?? Guid.NewGuid(),
        context.MessageId,
        null,
        reason,
        null,
        System.Diagnostics.Activity.Current?.Id);
}
