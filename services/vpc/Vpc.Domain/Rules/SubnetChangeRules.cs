using Mesh.Contracts;

namespace Mesh.Vpc.Domain.Rules;

// POOL-2: the end of a subnet change's agreement with the IPAM service. Only the running agreement's answer
// counts; a late or repeated answer of another one settles nothing. Every step is idempotent.
internal static class SubnetChangeRules
{
    public static Decision Confirm(Topology state, ConfirmSubnetChange c, TopologySettings settings) =>
        Running(state, c.Name, c.SagaId) is { } subnet
            ? Decision.Accept(SubnetRules.Committed(state, subnet.Definition, subnet.PendingChange!.Subnet, settings))
            : Decision.Nothing;

    public static Decision Abort(Topology state, AbortSubnetChange c) =>
        Running(state, c.Name, c.SagaId) is not null
            ? Decision.Accept(new SubnetChangeAborted(c.Name, c.SagaId, c.Code, c.Message, c.Field, c.Value, c.Remedy))
            : Decision.Nothing;

    private static SubnetState? Running(Topology state, string name, Guid saga) =>
        state.Subnets.TryGetValue(name, out var subnet) && subnet.PendingChange?.SagaId == saga ? subnet : null;
}
