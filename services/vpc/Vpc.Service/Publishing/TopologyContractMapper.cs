using Mesh.EventSourcing;
using Mesh.Messaging;
using Mesh.Vpc.Domain;
using Bus = Mesh.Contracts.Vpc;

namespace Mesh.Vpc.Service.Publishing;

// Stored topology events -> the bus contracts of Mesh.Contracts.Vpc (STYLE.md rule 4). A subnet
// announcement makes IPAM create or update its pool; SubnetDeletionRequested starts IPAM's part
// of the deletion saga (SUB-9). Usage changes came from IPAM and go back to nobody.
public sealed class TopologyContractMapper(TopologySettings settings) : IEventContractMapper
{
    public IEnumerable<object> Map(RecordedEvent recorded) => recorded.Data switch
    {
        ExternalNetworkRegistered e => [new Bus.ExternalNetworkAnnounced(e.Network.Id, e.Network.Name ?? "", e.Network.Cidr, e.Network.Gateway ?? "")],
        VpcCreated e => [Announce(e.Name, e.Spec)],
        VpcUpdated e => [Announce(e.Name, e.Spec)],
        VpcDeleted e => [new Bus.VpcRemoved(e.Name)],
        SubnetCreated e => [Announce(e.Subnet) with { Generation = recorded.Position }],
        SubnetUpdated e => [Announce(e.Subnet) with { Generation = recorded.Position }],
        SubnetWithoutEgress e => [new Bus.SubnetWithoutEgress(e.Subnet, e.Vpc, e.Message)],
        SubnetDeletionRequested e => [new Bus.SubnetDeletionRequested(e.Subnet.Name, e.SagaId)],
        SubnetChangeRequested e => [new Bus.SubnetChangeRequested(e.Subnet.Name, e.SagaId, Announce(e.Subnet) with { Generation = recorded.Position })],
        SubnetDeleted e => [new Bus.SubnetRemoved(e.Subnet.Name, e.SagaId)],
        SubnetDeletionAborted e => [new Bus.SubnetDeletionAborted(e.Subnet, e.SagaId,
            $"SubnetInUse: {e.AllocatedCount} allocated addresses{(e.Holders.Count > 0 ? $" ({string.Join(", ", e.Holders.Take(5))})" : "")}")],
        NatGatewayCreated e => [Announce(e.Gateway)],
        NatGatewayUpdated e => [Announce(e.Gateway)],
        NatGatewayDeleted e => [new Bus.NatGatewayRemoved(e.Gateway.Name, e.Gateway.Vpc, e.Gateway.Subnet, e.Gateway.LanIp)],
        _ => [],
    };

    private Bus.VpcAnnounced Announce(string name, VpcSpec spec) => new(name, spec.ExternalNetworkID, spec.ExternalGatewayIp, spec.GatewayNode,
        spec.Namespaces ?? [], name == settings.DefaultVpc ? settings.DefaultSubnet : null);

    public Bus.SubnetAnnounced Announce(SubnetDefinition s) => new(s.Name, s.Vpc, s.CidrBlock, s.Gateway, s.ExcludeIps, s.NatOutgoing,
        s.ProjectIDs, s.Namespaces, s.Provider, s.Protocol, s.Name == settings.DefaultSubnet || s.Default);

    // Kube-OVN selectors are "key: value" strings; the contract carries them as a map.
    private static Bus.NatGatewayAnnounced Announce(NatGateway g) => new(g.Name, g.Vpc, g.Subnet, g.LanIp,
        g.Selector.Select(s => s.Split(':', 2)).GroupBy(p => p[0].Trim())
            .ToDictionary(p => p.Key, p => p.Last() is { Length: 2 } kv ? kv[1].Trim() : ""));
}
