using MassTransit;
using Mesh.Contracts.Fip;
using Mesh.Fip.Service.Handlers;

namespace Mesh.Fip.Service.Consumers;

// The FIP commands on the bus; each answers its result or Rejected (the handlers are the HTTP API's too).
// Kept together: each is one line over its handler.

public sealed class AllocateFipConsumer(AllocationHandler handler) : IConsumer<AllocateFip>
{
    public Task Consume(ConsumeContext<AllocateFip> context) =>
        BusReply.RespondAsync(context, context.Message.Project, caller => handler.AllocateAsync(caller, context.Message));
}

public sealed class ReleaseFipConsumer(AllocationHandler handler) : IConsumer<ReleaseFip>
{
    public Task Consume(ConsumeContext<ReleaseFip> context) =>
        BusReply.RespondAsync(context, context.Message.Project, caller => handler.ReleaseAsync(caller, context.Message));
}

public sealed class AssociateFipConsumer(AssociationHandler handler) : IConsumer<AssociateFip>
{
    public Task Consume(ConsumeContext<AssociateFip> context) =>
        BusReply.RespondAsync(context, context.Message.Project, caller => handler.AssociateAsync(caller, context.Message));
}

public sealed class DisassociateFipConsumer(AssociationHandler handler) : IConsumer<DisassociateFip>
{
    public Task Consume(ConsumeContext<DisassociateFip> context) =>
        BusReply.RespondAsync(context, context.Message.Project, caller => handler.DisassociateAsync(caller, context.Message));
}

public sealed class ApplyPodNatConsumer(PodNatHandler handler) : IConsumer<ApplyPodNat>
{
    public Task Consume(ConsumeContext<ApplyPodNat> context) =>
        BusReply.RespondAsync(context, context.Message.Project, caller => handler.ApplyAsync(caller, context.Message));
}

public sealed class ReleasePodNatConsumer(PodNatHandler handler) : IConsumer<ReleasePodNat>
{
    public Task Consume(ConsumeContext<ReleasePodNat> context) =>
        BusReply.RespondAsync(context, context.Message.Project, caller => handler.ReleaseAsync(caller, context.Message));
}
