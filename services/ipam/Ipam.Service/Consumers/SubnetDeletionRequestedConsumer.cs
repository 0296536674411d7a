using MassTransit;
using Mesh.Contracts.Vpc;
using Mesh.Ipam.Service.Handlers;

namespace Mesh.Ipam.Service.Consumers;

/// <summary>SUB-9 step 1: close the pool if empty, answer Prepared or Refused.</summary>
public sealed class SubnetDeletionRequestedConsumer(DeletionSagaHandler handler) : IConsumer<SubnetDeletionRequested>
{
    public Task Consume(ConsumeContext<SubnetDeletionRequested> context) =>
        handler.RequestedAsync(context.Message, BusMetadata.From(context), context.CancellationToken);
}
