using System.Text.Json;
using Mesh.Vpc.Domain;

namespace Mesh.Vpc.Service.Api.Specs;

// kubeovn.io/v1 Subnet.spec as users write it (SUB-1); any other field is refused as UnknownField.
public sealed record SubnetSpecDto
{
    public string? Vpc { get; init; }
    public string? CidrBlock { get; init; }
    public string? Gateway { get; init; }
    public List<string>? ExcludeIps { get; init; }
    public bool? NatOutgoing { get; init; }
    public List<string>? ProjectIDs { get; init; }
    public List<string>? Namespaces { get; init; }
    public string? Provider { get; init; }
    public bool? Private { get; init; }
    public List<string>? AllowSubnets { get; init; }
    public string? Protocol { get; init; }
    public bool? Default { get; init; }

    // Kube-OVN names a Vlan resource here, users also write a number: any value is an underlay
    // subnet, which SUB-8 refuses with its own code rather than a type error.
    public JsonElement? Vlan { get; init; }

    public SubnetSpec ToDomain() => new()
    {
        Vpc = Vpc,
        CidrBlock = CidrBlock,
        Gateway = Gateway,
        ExcludeIps = ExcludeIps,
        NatOutgoing = NatOutgoing,
        ProjectIDs = ProjectIDs,
        Namespaces = Namespaces,
        Provider = Provider,
        Private = Private,
        AllowSubnets = AllowSubnets,
        Protocol = Protocol,
        Default = Default,
        Vlan = Vlan is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } v ? v.ToString() : null,
    };

    public static SubnetSpecDto From(SubnetDefinition d) => new()
    {
        Vpc = d.Vpc,
        CidrBlock = d.CidrBlock,
        Gateway = d.Gateway,
        ExcludeIps = [.. d.ExcludeIps],
        NatOutgoing = d.NatOutgoing,
        ProjectIDs = [.. d.ProjectIDs],
        Namespaces = [.. d.Namespaces],
        Provider = d.Provider,
        Private = d.Private,
        AllowSubnets = [.. d.AllowSubnets],
        Protocol = d.Protocol,
        Default = d.Default,
    };
}
