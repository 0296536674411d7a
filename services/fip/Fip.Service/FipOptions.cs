using Mesh.Fip.Domain.Model;

namespace Mesh.Fip.Service;

/// <summary>Section <c>Mesh:Fip</c>: per-project quotas (FIP-2) and where rules of a VPC without a gateway node go.</summary>
public sealed class FipOptions
{
    public const string Section = "Mesh:Fip";

    public int DefaultQuota { get; set; } = 10;

    public Dictionary<string, int> ProjectQuotas { get; set; } = [];

    /// <summary>The seed: a VPC's gatewayNode defaults to the network node.</summary>
    public string DefaultGatewayNode { get; set; } = "network-node";

    public FipSettings ToSettings() => new(ProjectQuotas, DefaultQuota);
}
