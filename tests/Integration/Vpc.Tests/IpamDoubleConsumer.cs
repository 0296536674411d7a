using MassTransit;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Vpc;

namespace Mesh.Vpc.Tests;

// Records what the vpc service publishes; answers deletion requests as IpamState says.
public sealed class IpamDoubleConsumer(IpamState state) :
    IConsumer<SubnetDeletionRequested>, IConsumer<SubnetAnnounced>, IConsumer<SubnetRemoved>, IConsumer<Mesh.Contracts.Vpc.SubnetDeletionAborted>,
    IConsumer<VpcAnnounced>, IConsumer<NatGatewayAnnounced>, IConsumer<ExternalNetworkAnnounced>, IConsumer<SubnetChangeRequested>
{
    public async Task Consume(ConsumeContext<SubnetChangeRequested> context)
    {
        var m = context.Message;
        state.Received.Enqueue(m);
        if (state.HoldChanges)
        {
            return;
        }
        object answer = state.RefuseChangesWith is { } code
            ? new SubnetChangeRefused(m.Name, m.SagaId, code, $"excludeIps '{m.Subnet.ExcludeIps.LastOrDefault()}' is held by {state.Holders[0]}", "excludeIps",
                m.Subnet.ExcludeIps.LastOrDefault(), "release the address first")
            : new SubnetChangeAccepted(m.Name, m.SagaId);
        await context.Publish(answer, answer.GetType());
    }

    public async Task Consume(ConsumeContext<SubnetDeletionRequested> context)
    {
        var m = context.Message;
        state.Received.Enqueue(m);
        for (var i = 0; i < state.Duplicates; i++)
        {
            switch (state.Answer)
            {
                case IpamAnswer.Prepare:
                    await context.Publish(new SubnetDeletionPrepared(m.Name, m.SagaId));
                    break;
                case IpamAnswer.Refuse:
                    await context.Publish(new SubnetDeletionRefused(m.Name, m.SagaId, state.Allocated, state.Holders));
                    break;
            }
        }
    }

    public Task Consume(ConsumeContext<SubnetAnnounced> context) => Record(context.Message);
    public Task Consume(ConsumeContext<SubnetRemoved> context) => Record(context.Message);
    public Task Consume(ConsumeContext<Mesh.Contracts.Vpc.SubnetDeletionAborted> context) => Record(context.Message);
    public Task Consume(ConsumeContext<VpcAnnounced> context) => Record(context.Message);
    public Task Consume(ConsumeContext<NatGatewayAnnounced> context) => Record(context.Message);
    public Task Consume(ConsumeContext<ExternalNetworkAnnounced> context) => Record(context.Message);

    private Task Record(object message)
    {
        state.Received.Enqueue(message);
        return Task.CompletedTask;
    }
}
