using Mesh.Contracts;
using Mesh.Vpc.Domain.Rules;

namespace Mesh.Vpc.Domain;

// The decider of the `topology` stream: (state, command) -> events or a refusal. Pure.
public static class TopologyDecider
{
    public static Decision Decide(Topology state, ITopologyCommand command, TopologySettings settings) => command switch
    {
        RegisterExternalNetwork c => ExternalNetworkRules.Register(state, c),
        ApplyVpc c => VpcRules.Apply(state, c, settings),
        DeleteVpc c => VpcRules.Delete(state, c, settings),
        ApplySubnet c => SubnetRules.Apply(state, c, settings),
        RequestSubnetDeletion c => SubnetLifecycleRules.Request(state, c, settings),
        ConfirmSubnetDeletion c => SubnetLifecycleRules.Confirm(state, c),
        AbortSubnetDeletion c => SubnetLifecycleRules.Abort(state, c),
        ConfirmSubnetChange c => SubnetChangeRules.Confirm(state, c, settings),
        AbortSubnetChange c => SubnetChangeRules.Abort(state, c),
        RecordSubnetUsage c => SubnetLifecycleRules.RecordUsage(state, c),
        ApplyNatGateway c => NatGatewayRules.Apply(state, c),
        DeleteNatGateway c => NatGatewayRules.Delete(state, c),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown topology command"),
    };
}
