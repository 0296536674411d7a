namespace Mesh.Ipam.Domain.Choosing;

/// <summary>The subnets and VPCs the IPAM service knows; the default VPC is ovn-cluster (VPC-1).</summary>
public sealed record SubnetDirectory(
    IReadOnlyList<KnownSubnet> Subnets,
    IReadOnlyList<KnownVpc> Vpcs,
    string DefaultVpc = "ovn-cluster")
{
    /// <summary>The directory of a fresh installation: ovn-cluster with ovn-default.</summary>
    public static SubnetDirectory Initial { get; } =
        new([new KnownSubnet("ovn-default", "ovn-cluster")], [new KnownVpc("ovn-cluster", "ovn-default")]);

    public KnownSubnet? Find(string name) => Subnets.FirstOrDefault(s => s.Name == name);
}
