using System.Text.Json.Serialization;

namespace Mesh.Fip.Service.Api;

// Specs and statuses with Kube-OVN's field names (kubeovn.io/v1) and the container pool's (neutron.io/v1).

public sealed record FipPoolSpec
{
    [JsonPropertyName("externalNetworkID")] public string? ExternalNetworkId { get; init; }
    public string? Cidr { get; init; }
    public string? Gateway { get; init; }
    public List<string>? Ranges { get; init; }
    public List<string>? Excludes { get; init; }
}

public sealed record FipPoolStatus(
    [property: JsonPropertyName("externalNetworkID")] string ExternalNetworkId,
    string Cidr,
    string Gateway,
    IReadOnlyList<string> Available,
    string AvailableCount,
    string UsedCount,
    IReadOnlyList<FipPoolEntry>? Used);

public sealed record FipPoolEntry(string Name, string Project, string Address);

public sealed record OvnEipSpec
{
    public string? ExternalSubnet { get; init; }
    public string? Type { get; init; }
    public string? V4Ip { get; init; }
    public string? V6Ip { get; init; }
    public string? MacAddress { get; init; }
}

public sealed record OvnEipStatus(bool Ready, string V4Ip, string Type, string Nat, string Project,
    [property: JsonPropertyName("externalNetworkID")] string ExternalNetworkId);

// OvnFip, OvnSnatRule and OvnDnatRule share one spec shape; each kind accepts only its own fields.
public sealed record OvnRuleSpec
{
    public string? OvnEip { get; init; }
    public string? IpName { get; init; }
    public string? IpType { get; init; }
    public string? Type { get; init; }
    public string? Vpc { get; init; }
    public string? VpcSubnet { get; init; }
    public string? V4Ip { get; init; }
    public string? V6Ip { get; init; }
    public string? V4IpCidr { get; init; }
    public string? V6IpCidr { get; init; }
    public string? Protocol { get; init; }
    [JsonConverter(typeof(NumberOrString))] public string? InternalPort { get; init; }
    [JsonConverter(typeof(NumberOrString))] public string? ExternalPort { get; init; }
}

public sealed record OvnRuleStatus(bool Ready, string V4Eip, string? V4Ip, string? V4IpCidr, string Vpc, string? Protocol,
    string? InternalPort, string? ExternalPort, string GatewayNode, string? NatGateway, string Project);
