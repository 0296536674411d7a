using MassTransit;
using Mesh.Contracts.Ipam;
using Mesh.Contracts.Vpc;
using Mesh.Fip.Service.Handlers;
using Mesh.Fip.Service.World;

namespace Mesh.Fip.Service.Consumers;

// The world the FIP rules need (FIP-4), from the VPC and IPAM services' events. Idempotent by domain
// rules (COMMON-2): upserts, and addresses ordered by IPAM's generation.

public sealed class ExternalNetworkConsumer(WorldWriter world) : IConsumer<ExternalNetworkAnnounced>
{
    public Task Consume(ConsumeContext<ExternalNetworkAnnounced> context) => world.ExternalNetworkAsync(context.Message);
}

public sealed class VpcConsumer(WorldWriter world) : IConsumer<VpcAnnounced>, IConsumer<VpcRemoved>
{
    public Task Consume(ConsumeContext<VpcAnnounced> context) => world.VpcAsync(context.Message);

    public Task Consume(ConsumeContext<VpcRemoved> context) => world.VpcRemovedAsync(context.Message);
}

public sealed class SubnetConsumer(WorldWriter world) : IConsumer<SubnetAnnounced>, IConsumer<SubnetRemoved>
{
    public Task Consume(ConsumeContext<SubnetAnnounced> context) => world.SubnetAsync(context.Message);

    public Task Consume(ConsumeContext<SubnetRemoved> context) => world.SubnetRemovedAsync(context.Message);
}

public sealed class NatGatewayConsumer(WorldWriter world) : IConsumer<NatGatewayAnnounced>, IConsumer<NatGatewayRemoved>
{
    public Task Consume(ConsumeContext<NatGatewayAnnounced> context) => world.NatGatewayAsync(context.Message);

    public Task Consume(ConsumeContext<NatGatewayRemoved> context) => world.NatGatewayRemovedAsync(context.Message);
}

public sealed class AddressAllocatedConsumer(WorldWriter world) : IConsumer<AddressAllocated>
{
    public Task Consume(ConsumeContext<AddressAllocated> context) => world.AllocatedAsync(context.Message);
}

// FIP-6: the rules on a released address go.
public sealed class AddressReleasedConsumer(ReclaimHandler reclaim) : IConsumer<AddressReleased>
{
    public Task Consume(ConsumeContext<AddressReleased> context) =>
        reclaim.ReleasedAsync(context.Message, context.MessageId ?? Guid.NewGuid(), context.CorrelationId);
}
