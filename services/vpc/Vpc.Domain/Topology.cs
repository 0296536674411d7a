using Mesh.Addressing;

namespace Mesh.Vpc.Domain;

// The one consistent view of external networks, VPCs, subnets and NAT gateways (stream
// `topology`), so that cross-resource rules are checked against one version. Apply mutates in
// place for speed; deciders only read it.
public sealed class Topology
{
    private readonly Dictionary<string, ExternalNetwork> externalNetworks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VpcSpec> vpcs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SubnetState> subnets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> subnetsByVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NatGateway> natGateways = new(StringComparer.Ordinal);

    public long Version { get; private set; }

    public IReadOnlyDictionary<string, ExternalNetwork> ExternalNetworks => externalNetworks;

    public IReadOnlyDictionary<string, VpcSpec> Vpcs => vpcs;

    public IReadOnlyDictionary<string, SubnetState> Subnets => subnets;

    public IReadOnlyDictionary<string, NatGateway> NatGateways => natGateways;

    public PrefixIndex<string> SubnetPrefixes { get; } = new();

    // VPC-1: the events that create ovn-cluster and ovn-default on first start.
    public static IReadOnlyList<object> Bootstrap(TopologySettings settings)
    {
        var state = new Topology();
        var events = new List<object>();
        foreach (var command in new ITopologyCommand[]
                 {
                     new ApplyVpc(settings.DefaultVpc, new VpcSpec()),
                     new ApplySubnet(settings.DefaultSubnet, new SubnetSpec
                     {
                         Vpc = settings.DefaultVpc,
                         CidrBlock = settings.DefaultSubnetCidr,
                         Gateway = settings.DefaultSubnetGateway,
                         NatOutgoing = true,
                     }),
                 })
        {
            var decision = TopologyDecider.Decide(state, command, settings);
            if (decision.Error is { } error)
            {
                throw new InvalidOperationException($"default topology is invalid: {error}");
            }
            state.Apply(decision.Events);
            events.AddRange(decision.Events);
        }
        return events;
    }

    public static Topology From(IEnumerable<object> events)
    {
        var state = new Topology();
        state.Apply(events);
        return state;
    }

    public IReadOnlyCollection<string> SubnetsOf(string vpc) =>
        subnetsByVpc.TryGetValue(vpc, out var names) ? names : [];

    public NatGateway? NatGatewayOf(string vpc) => natGateways.Values.FirstOrDefault(g => g.Vpc == vpc);

    // RT-4: a peering is active only when both sides declare it.
    public bool ArePeered(string a, string b) => Declares(a, b) && Declares(b, a);

    public bool Declares(string vpc, string remote) =>
        vpcs.TryGetValue(vpc, out var spec) && (spec.VpcPeerings ?? []).Any(p => p.RemoteVpc == remote);

    public void Apply(IEnumerable<object> events)
    {
        foreach (var e in events)
        {
            Apply(e);
        }
    }

    public void Apply(object e)
    {
        switch (e)
        {
            case ExternalNetworkRegistered x: externalNetworks[x.Network.Id] = x.Network; break;
            case VpcCreated x: vpcs[x.Name] = x.Spec; break;
            case VpcUpdated x: vpcs[x.Name] = x.Spec; break;
            case VpcDeleted x: vpcs.Remove(x.Name); subnetsByVpc.Remove(x.Name); break;
            case SubnetCreated x: AddSubnet(x.Subnet); break;
            case SubnetUpdated x: subnets[x.Subnet.Name] = subnets[x.Subnet.Name] with { Definition = x.Subnet, PendingChange = null }; break;
            case SubnetChangeRequested x: subnets[x.Subnet.Name] = subnets[x.Subnet.Name] with { PendingChange = x, LastChangeAbort = null }; break;
            case SubnetChangeAborted x when subnets.ContainsKey(x.Subnet):
                subnets[x.Subnet] = subnets[x.Subnet] with { PendingChange = null, LastChangeAbort = x };
                break;
            case SubnetDeletionRequested x: subnets[x.Subnet.Name] = subnets[x.Subnet.Name] with { Deleting = true, DeletionSaga = x.SagaId, LastAbort = null }; break;
            case SubnetDeletionAborted x: subnets[x.Subnet] = subnets[x.Subnet] with { Deleting = false, DeletionSaga = default, LastAbort = x }; break;
            case SubnetDeleted x: RemoveSubnet(x.Subnet.Name); break;
            case SubnetUsageChanged x when subnets.ContainsKey(x.Subnet):
                subnets[x.Subnet] = subnets[x.Subnet] with { Usage = x.Usage, UsagePoolVersion = Math.Max(x.PoolVersion, subnets[x.Subnet].UsagePoolVersion) };
                break;
            case NatGatewayCreated x: natGateways[x.Gateway.Name] = x.Gateway; break;
            case NatGatewayUpdated x: natGateways[x.Gateway.Name] = x.Gateway; break;
            case NatGatewayDeleted x: natGateways.Remove(x.Gateway.Name); break;
        }
        Version++;
    }

    private void AddSubnet(SubnetDefinition definition)
    {
        DualStack.TryParseCidrBlock(definition.CidrBlock, out var prefixes, out _);
        subnets[definition.Name] = new SubnetState(definition, prefixes, false, SubnetUsage.None);
        if (!subnetsByVpc.TryGetValue(definition.Vpc, out var names))
        {
            subnetsByVpc[definition.Vpc] = names = new SortedSet<string>(StringComparer.Ordinal);
        }
        names.Add(definition.Name);
        foreach (var prefix in prefixes)
        {
            SubnetPrefixes.Add(prefix, definition.Name);
        }
    }

    private void RemoveSubnet(string name)
    {
        if (!subnets.Remove(name, out var state))
        {
            return;
        }
        subnetsByVpc.GetValueOrDefault(state.Vpc)?.Remove(name);
        foreach (var prefix in state.Prefixes)
        {
            SubnetPrefixes.Remove(prefix, name);
        }
    }
}
