using System.Text.Json.Serialization;

namespace Mesh.Vpc.Domain;

// Subnet status numbers reported by IPAM. Doubles and names as in Kube-OVN's SubnetStatus: an
// IPv6 /64 has more free addresses than a long holds.
public sealed record SubnetUsage(
    [property: JsonPropertyName("v4availableIPs")] double V4AvailableIPs,
    [property: JsonPropertyName("v4usingIPs")] double V4UsingIPs,
    [property: JsonPropertyName("v6availableIPs")] double V6AvailableIPs,
    [property: JsonPropertyName("v6usingIPs")] double V6UsingIPs)
{
    public static SubnetUsage None { get; } = new(0, 0, 0, 0);

    public double UsingIPs => V4UsingIPs + V6UsingIPs;
}
