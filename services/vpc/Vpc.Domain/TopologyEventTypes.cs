namespace Mesh.Vpc.Domain;

// Stored event type names. Once an event is stored under a name, the name never changes;
// a new shape gets a new version (".v2").
public static class TopologyEventTypes
{
    public const string Stream = "topology";

    public static IReadOnlyDictionary<Type, string> Names { get; } = new Dictionary<Type, string>
    {
        [typeof(ExternalNetworkRegistered)] = "vpc.external-network-registered.v1",
        [typeof(VpcCreated)] = "vpc.vpc-created.v1",
        [typeof(VpcUpdated)] = "vpc.vpc-updated.v1",
        [typeof(VpcDeleted)] = "vpc.vpc-deleted.v1",
        [typeof(SubnetCreated)] = "vpc.subnet-created.v1",
        [typeof(SubnetUpdated)] = "vpc.subnet-updated.v1",
        [typeof(SubnetWithoutEgress)] = "vpc.subnet-without-egress.v1",
        [typeof(SubnetDeletionRequested)] = "vpc.subnet-deletion-requested.v1",
        [typeof(SubnetDeletionAborted)] = "vpc.subnet-deletion-aborted.v1",
        [typeof(SubnetChangeRequested)] = "vpc.subnet-change-requested.v1",
        [typeof(SubnetChangeAborted)] = "vpc.subnet-change-aborted.v1",
        [typeof(SubnetDeleted)] = "vpc.subnet-deleted.v1",
        [typeof(SubnetUsageChanged)] = "vpc.subnet-usage-changed.v1",
        [typeof(NatGatewayCreated)] = "vpc.nat-gateway-created.v1",
        [typeof(NatGatewayUpdated)] = "vpc.nat-gateway-updated.v1",
        [typeof(NatGatewayDeleted)] = "vpc.nat-gateway-deleted.v1",
    };

    public static IReadOnlyDictionary<string, Type> Types { get; } = Names.ToDictionary(kv => kv.Value, kv => kv.Key);
}
