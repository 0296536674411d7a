using Mesh.EventSourcing;
using Mesh.Messaging;
using C = Mesh.Contracts.Fip;
using D = Mesh.Fip.Domain.Events;

namespace Mesh.Fip.Service;

// Stored events -> bus contracts. Rule events go to the rule's gateway node, so that the NAT programmer
// of that node rebuilds its rules from history alone.
public sealed class FipContractMapper : IEventContractMapper
{
    public IEnumerable<object> Map(RecordedEvent recorded)
    {
        var ext = recorded.StreamId.StartsWith("fip-pool-", StringComparison.Ordinal) ? recorded.StreamId["fip-pool-".Length..] : "";
        object? message = recorded.Data switch
        {
            D.FipAllocated e => new C.FipAllocated(e.Name, e.Project, e.Address, ext),
            D.FipReleased e => new C.FipReleased(e.Name, e.Project, e.Address, ext),
            D.FipAssociated { Rule: var r } => new C.FipRuleAdded(r.Scope.GatewayNode, r.RuleId, Kind(r.Kind), r.Fip, r.FipAddress, ext,
                r.Project, r.InternalIp, r.InternalCidr, r.Protocol, r.ExternalPort, r.InternalPort, r.Vpc, r.Subnet, r.Scope.NatGateway),
            D.FipDisassociated e => new C.FipRuleRemoved(e.Scope.GatewayNode, e.RuleId, Kind(e.Kind), e.Fip, e.FipAddress, ext,
                e.InternalIp, e.InternalCidr, e.Scope.NatGateway, e.Reason),
            _ => null,
        };
        return message is null ? [] : [message];
    }

    private static string Kind(Mesh.Fip.Domain.Model.RuleKind kind) => kind.ToString().ToLowerInvariant();
}
