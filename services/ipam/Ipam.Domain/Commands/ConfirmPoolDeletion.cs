namespace Mesh.Ipam.Domain.Commands;

/// <summary>A step of the subnet deletion saga with the VPC service (SUB-9).</summary>
public sealed record ConfirmPoolDeletion(string Subnet, DateTimeOffset Now) : IpamCommand(Subnet, Now);
