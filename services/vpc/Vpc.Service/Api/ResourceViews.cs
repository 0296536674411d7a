using System.Text.Json.Nodes;
using Mesh.Hosting.Resources;
using Mesh.Vpc.Domain;
using Mesh.Vpc.Service.Api.Specs;

namespace Mesh.Vpc.Service.Api;

// Resources in the custom-resource shape, status filled in. metadata.resourceVersion is the
// topology's version: sent back (If-Match or in the document) it is the expected version.
// Called on the topology actor only.
public sealed class ResourceViews(TopologySettings settings)
{
    public const string KubeOvn = "kubeovn.io/v1";
    public const string MeshNetwork = "network.mesh.io/v1";

    public JsonObject? For(Topology state, ITopologyCommand command) => command switch
    {
        ApplyVpc c => Vpc(state, c.Name),
        ApplySubnet c => Subnet(state, c.Name),
        RequestSubnetDeletion c => Subnet(state, c.Name),
        ApplyNatGateway c => NatGateway(state, c.Name),
        RegisterExternalNetwork c => c.Network.Name is { } name ? ExternalNetwork(state, name) : null,
        _ => null,
    };

    public JsonObject? Vpc(Topology state, string name)
    {
        if (!state.Vpcs.TryGetValue(name, out var spec))
        {
            return null;
        }
        var isDefault = name == settings.DefaultVpc;
        var status = new
        {
            conditions = new[] { Condition.True("Ready", "Applied") },
            @default = isDefault,
            defaultLogicalSwitch = isDefault ? settings.DefaultSubnet : null,
            subnets = state.SubnetsOf(name).ToArray(),
            natGateway = state.NatGatewayOf(name)?.Name,
        };
        return ResourceWriter.Document(KubeOvn, "Vpc", Meta(state, name), VpcSpecDto.From(spec), status);
    }

    public JsonObject? Subnet(Topology state, string name)
    {
        if (!state.Subnets.TryGetValue(name, out var subnet))
        {
            return null;
        }
        var conditions = new List<Condition>
        {
            subnet.Deleting ? Condition.False("Ready", "Deleting", "waiting for the IPAM service to close the pool") : Condition.True("Ready", "Applied"),
        };
        if (subnet.Deleting)
        {
            conditions.Add(Condition.True("Deleting", "DeletionRequested", $"saga {subnet.DeletionSaga}"));
        }
        if (subnet.LastAbort is { } abort)
        {
            conditions.Add(Condition.True("DeletionRefused", "SubnetInUse",
                $"{abort.AllocatedCount} allocated addresses{(abort.Holders.Count > 0 ? $" ({string.Join(", ", abort.Holders.Take(5))})" : "")}"));
        }
        if (subnet.PendingChange is { } pending)
        {
            var p = pending.Subnet;
            conditions.Add(Condition.True("ChangePending", "WaitingForIpam",
                $"saga {pending.SagaId}: gateway {p.Gateway}, excludeIps [{string.Join(", ", p.ExcludeIps)}], projectIDs [{string.Join(", ", p.ProjectIDs)}], " +
                $"namespaces [{string.Join(", ", p.Namespaces)}] apply once the IPAM service agrees; the spec shown is the one in force"));
        }
        if (subnet.LastChangeAbort is { } refused)
        {
            conditions.Add(Condition.True("ChangeRefused", refused.Code, refused.Message));
        }
        var definition = subnet.Definition;
        if (definition.NatOutgoing && !HasEgress(state, definition.Vpc))
        {
            conditions.Add(Condition.False("Egress", "SubnetWithoutEgress",
                $"VPC '{definition.Vpc}' has no externalGatewayIp and no NAT gateway; pods reach the outside only through SNAT on the router gateway"));
        }
        var usage = subnet.Usage;
        var status = new
        {
            conditions,
            v4availableIPs = usage.V4AvailableIPs,
            v4usingIPs = usage.V4UsingIPs,
            v6availableIPs = usage.V6AvailableIPs,
            v6usingIPs = usage.V6UsingIPs,
        };
        return ResourceWriter.Document(KubeOvn, "Subnet", Meta(state, name), SubnetSpecDto.From(definition), status);
    }

    public JsonObject? NatGateway(Topology state, string name) =>
        state.NatGateways.TryGetValue(name, out var gateway)
            ? ResourceWriter.Document(KubeOvn, "VpcNatGateway", Meta(state, name), NatGatewaySpecDto.From(gateway),
                new { conditions = new[] { Condition.True("Ready", "Applied") } })
            : null;

    public JsonObject? ExternalNetwork(Topology state, string name) =>
        FindExternalNetwork(state, name) is { } network
            ? ResourceWriter.Document(MeshNetwork, "ExternalNetwork", Meta(state, name), ExternalNetworkSpecDto.From(network),
                new
                {
                    conditions = new[] { Condition.True("Ready", "Applied") },
                    vpcs = state.Vpcs.Where(v => v.Value.ExternalNetworkID == network.Id).Select(v => v.Key).Order(StringComparer.Ordinal).ToArray(),
                })
            : null;

    public static ExternalNetwork? FindExternalNetwork(Topology state, string name) =>
        state.ExternalNetworks.Values.FirstOrDefault(n => n.Name == name);

    // VPC-3, as the decider sees it: the default VPC's egress is the platform router.
    private bool HasEgress(Topology state, string vpc) =>
        vpc == settings.DefaultVpc || state.Vpcs.GetValueOrDefault(vpc)?.ExternalGatewayIp is not null || state.NatGatewayOf(vpc) is not null;

    private static ObjectMeta Meta(Topology state, string name) => new() { Name = name, ResourceVersion = state.Version.ToString() };
}
