using Mesh.Contracts;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Domain.Tests;

// Given events / when command / then events, with no I/O.
internal static class Spec
{
    public const string ExtNetId = "c9a831a0-6298-44c6-a664-2f362e60e419";
    public const string RouterId = "c761887f-40bd-4df0-9b43-7c6bb009aab7";

    public static readonly TopologySettings Settings = TopologySettings.Default;

    public static readonly ExternalNetwork ExtNet = new(ExtNetId, "ext-net", "172.110.0.0/24", "172.110.0.1");

    // Seed 000: test-vpc2.
    public static readonly VpcSpec TestVpc2 = new()
    {
        ExternalGatewayIp = "172.110.0.160",
        ExternalNetworkID = ExtNetId,
        NeutronRouter = RouterId,
    };

    // Seed 000: net192 (the seed's "vpc: test-vpc-2" is a typo for test-vpc2).
    public static readonly SubnetSpec Net192 = new() { Vpc = "test-vpc2", CidrBlock = "192.168.100.0/24", NatOutgoing = true };

    public static Topology Given(params object[] events)
    {
        var state = Topology.From(Topology.Bootstrap(Settings));
        state.Apply(events);
        return state;
    }

    // The bootstrap plus the external network, test-vpc2 and net192, built through the decider.
    public static Topology GivenTestVpc2(params ITopologyCommand[] more)
    {
        var state = Given();
        foreach (var command in new ITopologyCommand[] { new RegisterExternalNetwork(ExtNet), new ApplyVpc("test-vpc2", TestVpc2), new ApplySubnet("net192", Net192) }.Concat(more))
        {
            state.Apply(Accepted(state, command));
        }
        return state;
    }

    public static Decision When(Topology state, ITopologyCommand command, TopologySettings? settings = null) =>
        TopologyDecider.Decide(state, command, settings ?? Settings);

    public static IReadOnlyList<object> Accepted(Topology state, ITopologyCommand command, TopologySettings? settings = null)
    {
        var decision = When(state, command, settings);
        Assert.False(decision.IsRejected, decision.Error?.ToString());
        return decision.Events;
    }

    public static MeshError Rejected(Topology state, ITopologyCommand command, string code, TopologySettings? settings = null)
    {
        var decision = When(state, command, settings);
        Assert.True(decision.IsRejected, $"expected {code}, got events {string.Join(", ", decision.Events)}");
        Assert.Equal(code, decision.Error!.Code);
        Assert.Empty(decision.Events);
        return decision.Error;
    }

    public static T Single<T>(IReadOnlyList<object> events) => Assert.IsType<T>(Assert.Single(events));

    /// <summary>POOL-2: a change IPAM applies too is requested (nothing in force changes), then committed by IPAM's acceptance.</summary>
    public static SubnetUpdated AgreedChange(Topology state, ApplySubnet command, TopologySettings? settings = null)
    {
        var before = state.Subnets[command.Name].Definition;
        var requested = Single<SubnetChangeRequested>(Accepted(state, command, settings));
        state.Apply(requested);
        Assert.Equal(before, state.Subnets[command.Name].Definition);
        var committed = Accepted(state, new ConfirmSubnetChange(command.Name, requested.SagaId), settings);
        state.Apply(committed);
        Assert.Null(state.Subnets[command.Name].PendingChange);
        return committed.OfType<SubnetUpdated>().Single();
    }

    public static ApplySubnet Subnet(string name, string cidr, string vpc = "ovn-cluster") =>
        new(name, new SubnetSpec { Vpc = vpc, CidrBlock = cidr });
}
